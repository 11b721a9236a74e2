# fish completion for tango.
# Generated from the commander tree by `npm run completions` (src/completion/); do not edit.
# Dynamic values come from files only, never from the network: profile names from
# config.json, customer identifiers from completion-cache.tsv (which list/get/create refresh).
# Install: copy it to ~/.config/fish/completions/tango.fish.

# The config folder, found as src/config/paths.ts finds it.
function __tango_config_dir
    if test -n "$TANGO_CONFIG_DIR"
        echo $TANGO_CONFIG_DIR
    else if test -n "$XDG_CONFIG_HOME"
        echo $XDG_CONFIG_HOME/tango-admin
    else
        echo $HOME/.config/tango-admin
    end
end

# Profile names: the keys of "profiles" in config.json.
function __tango_profiles
    awk '{
  bare = $0
  gsub(/"([^"\\\\]|\\\\.)*"/, "\\"\\"", bare)
  if (depth == 2 && inside && match($0, /^[ \\t]*"([^"\\\\]|\\\\.)*"[ \\t]*:/)) {
    key = substr($0, RSTART, RLENGTH)
    sub(/^[ \\t]*"/, "", key)
    sub(/"[ \\t]*:$/, "", key)
    print key
  }
  if (depth == 1 && $0 ~ /^[ \\t]*"profiles"[ \\t]*:/) inside = 1
  depth += gsub(/[{]/, "{", bare) - gsub(/[}]/, "}", bare)
  if (depth < 2) inside = 0
}' (__tango_config_dir)/config.json 2>/dev/null
end

# Identifiers of one kind that a profile has seen, newest first (src/completion/cache.ts writes them).
function __tango_cached -a kind profile
    TANGO_COMPLETION_KIND=$kind TANGO_COMPLETION_PROFILE=$profile \
        awk -F '\\t' '$1 == ENVIRON["TANGO_COMPLETION_KIND"] && $2 == ENVIRON["TANGO_COMPLETION_PROFILE"] { print $3 }' (__tango_config_dir)/completion-cache.tsv 2>/dev/null
end

# The subcommand that a word names under a command path.
function __tango_subcommand -a path word
    switch "$path|$word"
        case '|auth'
            echo auth
        case '|config'
            echo config
        case '|completion'
            echo completion
        case '|help'
            echo help
        case 'auth|login'
            echo login
        case 'auth|status'
            echo status
        case 'auth|logout'
            echo logout
        case 'auth|help'
            echo help
        case 'config|list'
            echo list
        case 'config|get'
            echo get
        case 'config|set'
            echo set
        case 'config|unset'
            echo unset
        case 'config|path'
            echo path
        case 'config|help'
            echo help
        case '*'
            return 1
    end
end

# The subcommands of a command path, with descriptions.
function __tango_subcommands -a path
    switch "$path"
        case ''
            printf '%s\t%s\n' auth 'store, check and remove credentials, per profile' config 'read and change stored settings, per profile' completion 'print the shell completion script for bash, zsh or fish' help 'show help for a command, or a topic: exit-codes'
        case 'auth'
            printf '%s\t%s\n' login 'store credentials in a profile, after checking them against the API' status 'show the profile, server and credentials in use, and check them against the API' logout 'remove a profile\'s stored credentials (its other settings stay)' help 'display help for command'
        case 'config'
            printf '%s\t%s\n' list 'every profile and its settings (secrets masked)' get 'print one setting of the profile' set 'change one setting of the profile (credentials: use tango auth login)' unset 'remove one setting from the profile' path 'print where the config file is' help 'display help for command'
        case '*'
            return 1
    end
end

# Every flag a command path accepts, its own and its ancestors', with descriptions.
function __tango_flags -a path
    switch "$path"
        case ''
            printf '%s\t%s\n' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)' -h 'show help' --help 'show help'
        case 'auth'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'auth login'
            printf '%s\t%s\n' --platform-name 'platform name (the HTTP Basic user)' --platform-key-stdin 'read the platform key from stdin, so it never shows in ps or history' --client-id 'OAuth client id, for platforms that use OAuth instead of a platform key' --client-secret-stdin 'read the OAuth client secret from stdin' --auth-url 'OAuth token URL (default: the environment\'s)' --no-verify 'store without checking against the API' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'auth status'
            printf '%s\t%s\n' --no-verify 'do not call the API' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'auth logout'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'auth help'
            true
        case 'config'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'config list'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'config get'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'config set'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'config unset'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'config path'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'config help'
            true
        case 'completion'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case 'help'
            printf '%s\t%s\n' -h 'display help for command' --help 'display help for command' -V 'print the version' --version 'print the version' -p 'stored profile to use (default: "default")' --profile 'stored profile to use (default: "default")' --env 'API environment; local runs the built-in emulator' --base-url 'any other server (https, or http to loopback only)' -o 'output format (default: table)' --output 'output format (default: table)' --json 'short for --output json' --fields 'comma-separated fields to show, by their API names' --no-color 'no colour (also NO_COLOR=1)' -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' --timeout 'per-request timeout in seconds (default: 30)' --max-retries 'retries on 429, 5xx and network errors (default: 4)' --rate 'client-side limit on requests per second (default: none)'
        case '*'
            return 1
    end
end

# How a flag declared by a command path takes a value: none, or "<required|optional> <values>".
function __tango_option -a path flag
    switch "$path|$flag"
        case '|-V' '|--version'
            echo 'none'
        case '|-p' '|--profile'
            echo 'required profiles'
        case '|--env'
            echo 'required choices sandbox production local'
        case '|--base-url'
            echo 'required free'
        case '|-o' '|--output'
            echo 'required choices table json ndjson csv'
        case '|--json'
            echo 'none'
        case '|--fields'
            echo 'required free'
        case '|--no-color'
            echo 'none'
        case '|-v' '|--verbose'
            echo 'none'
        case '|--no-input'
            echo 'none'
        case '|--timeout'
            echo 'required free'
        case '|--max-retries'
            echo 'required free'
        case '|--rate'
            echo 'required free'
        case '|-h' '|--help'
            echo 'none'
        case 'auth|-h' 'auth|--help'
            echo 'none'
        case 'auth login|--platform-name'
            echo 'required free'
        case 'auth login|--platform-key-stdin'
            echo 'none'
        case 'auth login|--client-id'
            echo 'required free'
        case 'auth login|--client-secret-stdin'
            echo 'none'
        case 'auth login|--auth-url'
            echo 'required free'
        case 'auth login|--no-verify'
            echo 'none'
        case 'auth login|-h' 'auth login|--help'
            echo 'none'
        case 'auth status|--no-verify'
            echo 'none'
        case 'auth status|-h' 'auth status|--help'
            echo 'none'
        case 'auth logout|-h' 'auth logout|--help'
            echo 'none'
        case 'config|-h' 'config|--help'
            echo 'none'
        case 'config list|-h' 'config list|--help'
            echo 'none'
        case 'config get|-h' 'config get|--help'
            echo 'none'
        case 'config set|-h' 'config set|--help'
            echo 'none'
        case 'config unset|-h' 'config unset|--help'
            echo 'none'
        case 'config path|-h' 'config path|--help'
            echo 'none'
        case 'completion|-h' 'completion|--help'
            echo 'none'
        case 'help|-h' 'help|--help'
            echo 'none'
        case '*'
            return 1
    end
end

# The same, for a flag the command path accepts from itself or an ancestor.
function __tango_find_option -a path flag
    while not __tango_option "$path" $flag
        test -z "$path"; and return 1
        set path (string replace -r '\s*[^ ]+$' '' -- $path)
    end
end

# What positional argument <index> (from 0) of a command path is.
function __tango_argument -a path index
    switch "$path|$index"
        case 'config get|0'
            echo 'choices env base-url auth-url output timeout max-retries rate platform-name platform-key client-id client-secret'
        case 'config set|0'
            echo 'choices env base-url auth-url output timeout max-retries rate platform-name platform-key client-id client-secret'
        case 'config unset|0'
            echo 'choices env base-url auth-url output timeout max-retries rate platform-name platform-key client-id client-secret'
        case 'completion|0'
            echo 'choices bash zsh fish'
        case '*'
            return 1
    end
end

# Candidates for a value spec ("choices A B", profiles, customers, file, free); fish filters them.
function __tango_values -a spec profile
    set -l words (string split ' ' -- $spec)
    switch $words[1]
        case choices
            printf '%s\n' $words[2..-1]
        case profiles
            __tango_profiles
        case customers
            __tango_cached customer $profile
        case file
            __fish_complete_path (commandline -ct)
    end
end

function __tango_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l path ''
    set -l profile default
    test -n "$TANGO_PROFILE"; and set profile $TANGO_PROFILE
    set -l pending ''
    set -l positional 0
    set -l options_ended 0
    set -l spec
    set -l name
    for word in $words[2..-1]
        if test -n "$pending"
            if not string match -q 'optional *' -- $pending; or not string match -q -- '-*' $word
                string match -q '* profiles' -- $pending; and set profile $word
                set pending ''
                continue
            end
            set pending ''
        end
        if test $options_ended = 1
            set positional (math $positional + 1)
            continue
        end
        switch $word
            case --
                set options_ended 1
            case '--*=*'
                set -l parts (string split -m 1 = -- $word)
                if set spec (__tango_find_option "$path" $parts[1]); and string match -q '* profiles' -- $spec
                    set profile $parts[2]
                end
            case '-?*'
                if set spec (__tango_find_option "$path" $word); and test "$spec" != none
                    set pending $spec
                end
            case '*'
                if test $positional = 0; and set name (__tango_subcommand "$path" $word)
                    set path (string join ' ' -- $path $name | string trim)
                else
                    set positional (math $positional + 1)
                end
        end
    end

    if test -n "$pending"; and begin; not string match -q 'optional *' -- $pending; or not string match -q -- '-*' $cur; end
        __tango_values (string split -m 1 ' ' -- $pending)[2] $profile
    else if test $options_ended = 0; and string match -q -- '--*=*' $cur
        # fish keeps --flag=value as one token: offer whole tokens.
        set -l flag (string split -m 1 = -- $cur)[1]
        set spec (__tango_find_option "$path" $flag); or return
        test "$spec" = none; and return
        for value in (__tango_values (string split -m 1 ' ' -- $spec)[2] $profile)
            echo $flag=$value
        end
    else if test $options_ended = 0; and string match -q -- '-*' $cur
        __tango_flags "$path"
    else if test $positional = 0; and __tango_subcommands "$path"
        # printed them
    else if set spec (__tango_argument "$path" $positional)
        __tango_values $spec $profile
    end
end

complete -c tango -e
complete -c tango -f -a '(__tango_complete)'
