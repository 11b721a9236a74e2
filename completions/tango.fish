# fish completion for tango.
# Generated from the commander tree by `npm run completions` (src/completion/); do not edit.
# Dynamic values come from files only, never from the network: profile names from
# config.json, customer, account and alert identifiers from completion-cache.tsv (which
# list/get/create refresh).
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
        case '|customers' '|groups'
            echo customers
        case '|accounts'
            echo accounts
        case '|alerts'
            echo alerts
        case '|api'
            echo api
        case '|auth'
            echo auth
        case '|onboard'
            echo onboard
        case '|export'
            echo export
        case '|diff'
            echo diff
        case '|apply'
            echo apply
        case '|config'
            echo config
        case '|emulator'
            echo emulator
        case '|completion'
            echo completion
        case '|help'
            echo help
        case 'customers|list'
            echo list
        case 'customers|get'
            echo get
        case 'customers|create'
            echo create
        case 'customers|help'
            echo help
        case 'accounts|list'
            echo list
        case 'accounts|get'
            echo get
        case 'accounts|create'
            echo create
        case 'accounts|update'
            echo update
        case 'accounts|import'
            echo import
        case 'accounts|help'
            echo help
        case 'alerts|list'
            echo list
        case 'alerts|get'
            echo get
        case 'alerts|create'
            echo create
        case 'alerts|update'
            echo update
        case 'alerts|delete'
            echo delete
        case 'alerts|help'
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
        case 'emulator|start'
            echo start
        case 'emulator|reset'
            echo reset
        case 'emulator|seed'
            echo seed
        case 'emulator|help'
            echo help
        case '*'
            return 1
    end
end

# The subcommands of a command path, with descriptions.
function __tango_subcommands -a path
    switch "$path"
        case ''
            printf '%s\t%s\n' \
                customers 'list, show and create customers (also called groups)' \
                accounts 'list, show, create, update and import a customer\'s accounts' \
                alerts 'list, show, create, update and delete an account\'s low-balance alerts' \
                api 'send an authenticated request to any RaaS v2 path and print the answer' \
                auth 'store, check and remove credentials, per profile' \
                onboard 'create a customer, its accounts and their low-balance alerts step by step, with a review before anything is created' \
                export 'write customers, accounts, funding emails and low-balance alerts as a state file' \
                diff 'show what applying a state file would create, change or leave alone' \
                apply 'create and update customers, accounts and alerts until the platform matches a state file' \
                config 'read and change stored settings, per profile' \
                emulator 'run a local server that behaves like the Tango API, for trying the tool and testing scripts' \
                completion 'print the shell completion script for bash, zsh or fish' \
                help 'show help for a command, or a topic: exit-codes'
        case 'customers'
            printf '%s\t%s\n' \
                list 'list the customers of this platform, with their number of accounts' \
                get 'show one customer and its accounts' \
                create 'create a customer (a group of accounts)' \
                help 'display help for command'
        case 'accounts'
            printf '%s\t%s\n' \
                list 'list a customer\'s accounts, or without <customer> every account of the platform' \
                get 'show one account: balance, contact and funding emails' \
                create 'create an account under a customer' \
                update 'change an account\'s display name, contact email or funding emails' \
                import 'create many accounts under a customer from a CSV or JSON file, with a report; safe to run again' \
                help 'display help for command'
        case 'alerts'
            printf '%s\t%s\n' \
                list 'list an account\'s low-balance alerts' \
                get 'show one low-balance alert' \
                create 'add a low-balance alert to an account' \
                update 'change a low-balance alert\'s name, threshold or emails' \
                delete 'delete a low-balance alert' \
                help 'display help for command'
        case 'auth'
            printf '%s\t%s\n' \
                login 'store credentials in a profile, after checking them against the API' \
                status 'show the profile, server and credentials in use, and check them against the API' \
                logout 'remove a profile\'s stored credentials (its other settings stay)' \
                help 'display help for command'
        case 'config'
            printf '%s\t%s\n' \
                list 'every profile and its settings (secrets masked)' \
                get 'print one setting of the profile' \
                set 'change one setting of the profile (credentials: use tango auth login)' \
                unset 'remove one setting from the profile' \
                path 'print where the config file is' \
                help 'display help for command'
        case 'emulator'
            printf '%s\t%s\n' \
                start 'run a local server that behaves like the Tango RaaS v2 customer, account and low-balance alert API' \
                reset 'remove every customer and account from the local emulator (--env local), or from a --data file' \
                seed 'add sample customers and accounts to the local emulator (--env local), or to a --data file' \
                help 'display help for command'
        case '*'
            return 1
    end
end

# Every flag a command path accepts, its own and its ancestors', with descriptions.
function __tango_flags -a path
    switch "$path"
        case ''
            printf '%s\t%s\n' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)' \
                -h 'show help' \
                --help 'show help'
        case 'customers'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'customers list'
            printf '%s\t%s\n' \
                --display-name 'only customers whose display name contains this (ignoring case)' \
                --status 'only customers with this status, such as ACTIVE (any word; customer statuses are not documented)' \
                --created-after 'only customers created at or after this ISO 8601 date or time (a date is 00:00 UTC)' \
                --created-before 'only customers created at or before this ISO 8601 date or time (a date includes that whole day)' \
                --account-status 'only customers with an account of this status' \
                --account-identifier 'only the customer owning this account' \
                --account-number 'only the customer owning the account with this number' \
                --account-display-name 'only customers with an account whose display name contains this (ignoring case)' \
                --account-created-after 'only customers with an account created at or after this date' \
                --account-created-before 'only customers with an account created at or before this date' \
                --paginate 'one page at a time, with cursors (default page size 10)' \
                --max-results 'page size, 1-200 (implies --paginate)' \
                --next-cursor 'the page after this cursor (implies --paginate)' \
                --prev-cursor 'the page before this cursor (implies --paginate)' \
                --all 'every customer, following the cursors to the last page and printing each page as it comes' \
                --limit 'at most n customers, following the cursors as --all does and stopping there' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'customers get'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'customers create'
            printf '%s\t%s\n' \
                --identifier 'the customer identifier: 5-100 letters, digits or \'-\'' \
                --display-name 'a friendly name: 5-100 letters, digits, punctuation, symbols or spaces; no emoji' \
                --if-not-exists 'succeed when the customer already exists with the same display name' \
                --dry-run 'print the request that would be sent, and send nothing' \
                --outcome 'with -o json or ndjson, print {"outcome": "created" or "existed", "resource": <the API object>}' \
                -y 'do not ask before writing to production (asked only at a terminal)' \
                --yes 'do not ask before writing to production (asked only at a terminal)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'customers help'
            true
        case 'accounts'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'accounts list'
            printf '%s\t%s\n' \
                --status 'only accounts with this status: ACTIVE, INACTIVE, DISABLED, FROZEN or DELETED' \
                --currency 'only accounts in this currency: AUD, CAD, EUR, GBP, USD, MXN, SGD or PLN (repeatable)' \
                --display-name 'only accounts whose display name contains this (ignoring case)' \
                --account-number 'only the account with this account number' \
                --contact-email 'only accounts with exactly this contact email (ignoring case)' \
                --min-balance 'only accounts with a current balance of at least this' \
                --max-balance 'only accounts with a current balance of at most this' \
                --created-after 'only accounts created at or after this ISO 8601 date or time (a date is 00:00 UTC)' \
                --created-before 'only accounts created at or before this ISO 8601 date or time (a date includes that whole day)' \
                --funding-email 'only accounts notifying this funding email (repeatable: any of them)' \
                --paginate 'one page at a time, with cursors (default page size 10)' \
                --max-results 'page size, 1-200 (implies --paginate)' \
                --next-cursor 'the page after this cursor (implies --paginate)' \
                --prev-cursor 'the page before this cursor (implies --paginate)' \
                --all 'every account, following the cursors to the last page and printing each page as it comes' \
                --limit 'at most n accounts, following the cursors as --all does and stopping there' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'accounts get'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'accounts create'
            printf '%s\t%s\n' \
                --identifier 'the account identifier: 5-100 lowercase letters, digits or \'-\'' \
                --display-name 'a friendly name: 5-100 letters, digits, punctuation, symbols or spaces; no emoji' \
                --contact-email 'email address of the account representative, at most 100 characters' \
                --currency 'USD, AUD, CAD, EUR, GBP; never changeable later' \
                --funding-email 'send funding notifications to this address (repeatable)' \
                --if-not-exists 'succeed when the account already exists under this customer with the same values' \
                --dry-run 'print the request that would be sent, and send nothing' \
                --outcome 'with -o json or ndjson, print {"outcome": "created" or "existed", "resource": <the API object>}' \
                -y 'do not ask before writing to production (asked only at a terminal)' \
                --yes 'do not ask before writing to production (asked only at a terminal)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'accounts update'
            printf '%s\t%s\n' \
                --display-name 'a new friendly name: 5-100 letters, digits, punctuation, symbols or spaces; no emoji' \
                --contact-email 'a new contact email address' \
                --funding-email 'funding notification address; the list given replaces the old one (repeatable)' \
                --clear-funding-emails 'remove every funding notification address' \
                --dry-run 'print the request that would be sent, and send nothing' \
                -y 'do not ask before writing to production (asked only at a terminal)' \
                --yes 'do not ask before writing to production (asked only at a terminal)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'accounts import'
            printf '%s\t%s\n' \
                -f 'accounts.csv, accounts.json, or - for stdin' \
                --file 'accounts.csv, accounts.json, or - for stdin' \
                --format 'input format, when neither the name nor the content tells' \
                -c 'rows sent at once, 1-16; the global --rate still caps requests per second' \
                --concurrency 'rows sent at once, 1-16; the global --rate still caps requests per second' \
                --report 'write every row\'s outcome to this .json or .csv file (then stdout stays empty)' \
                --dry-run 'check the file and print what would be created; send nothing' \
                -y 'do not ask before writing to production (asked only at a terminal)' \
                --yes 'do not ask before writing to production (asked only at a terminal)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'accounts help'
            true
        case 'alerts'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'alerts list'
            printf '%s\t%s\n' \
                --display-name 'only alerts whose name contains this (ignoring case)' \
                --threshold 'only alerts with exactly this threshold' \
                --email 'only alerts sent to this address (repeatable: any of them)' \
                --page 'the API\'s page number; the first page is 0' \
                --per-page 'alerts per page, 1-200 (the API\'s default is 10)' \
                --all 'every alert, walking the pages from 0 and printing each page as it comes' \
                --limit 'at most n alerts, walking the pages as --all does and stopping there' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'alerts get'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'alerts create'
            printf '%s\t%s\n' \
                --display-name 'the alert\'s name: 5-100 letters, digits, punctuation, symbols or spaces, no emoji; unique on the account (ignoring case)' \
                --threshold 'alert when the balance falls below this amount (in the account\'s currency): greater than 0, at most two decimals' \
                --email 'send the alert to this address (repeatable)' \
                --if-not-exists 'succeed when the account already has an alert of this name and threshold' \
                --dry-run 'print the request that would be sent, and send nothing' \
                -y 'do not ask before writing to production (asked only at a terminal)' \
                --yes 'do not ask before writing to production (asked only at a terminal)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'alerts update'
            printf '%s\t%s\n' \
                --display-name 'the alert\'s name: 5-100 letters, digits, punctuation, symbols or spaces, no emoji; unique on the account (ignoring case)' \
                --threshold 'alert when the balance falls below this amount (in the account\'s currency): greater than 0, at most two decimals' \
                --email 'send the alert to this address (repeatable); the list given replaces the old one' \
                --clear-emails 'remove every address from the alert' \
                --dry-run 'print the request that would be sent, and send nothing' \
                -y 'do not ask before writing to production (asked only at a terminal)' \
                --yes 'do not ask before writing to production (asked only at a terminal)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'alerts delete'
            printf '%s\t%s\n' \
                -y 'delete without asking (needed when there is no terminal to ask at)' \
                --yes 'delete without asking (needed when there is no terminal to ask at)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'alerts help'
            true
        case 'api'
            printf '%s\t%s\n' \
                -f 'a string field: in the JSON body, or the query of a GET (repeatable)' \
                --raw-field 'a string field: in the JSON body, or the query of a GET (repeatable)' \
                -F 'a typed field: numbers, true, false, null; @file (or @-) reads a file (repeatable)' \
                --field 'a typed field: numbers, true, false, null; @file (or @-) reads a file (repeatable)' \
                -H 'an extra request header; Authorization cannot be replaced (repeatable)' \
                --header 'an extra request header; Authorization cannot be replaced (repeatable)' \
                --input 'the JSON request body from a file, or - for stdin (fields then go in the query)' \
                -i 'print the status line and response headers on stderr' \
                --include 'print the status line and response headers on stderr' \
                --paginate 'follow every page of a GET (cursors, or page numbers), printing items as ndjson' \
                --slurp 'with --paginate: every item in one JSON array' \
                --retry-post 'retry a POST on 429, 5xx and network errors: your promise that repeating it is safe' \
                -y 'do not ask before writing to production (asked only at a terminal)' \
                --yes 'do not ask before writing to production (asked only at a terminal)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'auth'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'auth login'
            printf '%s\t%s\n' \
                --platform-name 'platform name (the HTTP Basic user)' \
                --platform-key-stdin 'read the platform key from stdin, so it never shows in ps or history' \
                --client-id 'OAuth client id, for platforms that use OAuth instead of a platform key' \
                --username 'the OAuth service account\'s username' \
                --client-secret-stdin 'read two lines from stdin: the OAuth client secret, then the service account\'s password' \
                --audience 'OAuth token lifetime: 24h (the default) or 5m' \
                --auth-url 'OAuth token URL (default: the environment\'s; needed with --base-url)' \
                --no-verify 'store without checking against the API' \
                -y 'replace the profile\'s credentials without asking (without a terminal nothing is asked)' \
                --yes 'replace the profile\'s credentials without asking (without a terminal nothing is asked)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'auth status'
            printf '%s\t%s\n' \
                --no-verify 'do not call the API' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'auth logout'
            printf '%s\t%s\n' \
                -y 'remove without asking (without a terminal nothing is asked anyway)' \
                --yes 'remove without asking (without a terminal nothing is asked anyway)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'auth help'
            true
        case 'onboard'
            printf '%s\t%s\n' \
                --plan 'onboard from a JSON plan file ("-" reads stdin), without prompts' \
                --dry-run 'show what would be created and the equivalent commands; send nothing' \
                -y 'do not ask before writing to production (asked only at a terminal)' \
                --yes 'do not ask before writing to production (asked only at a terminal)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'export'
            printf '%s\t%s\n' \
                -f 'write to this file (.yaml, .yml or .json) instead of stdout' \
                --file 'write to this file (.yaml, .yml or .json) instead of stdout' \
                --force 'replace the file if it exists' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'diff'
            printf '%s\t%s\n' \
                -f 'the state file (.yaml, .yml or .json; "-" reads stdin)' \
                --file 'the state file (.yaml, .yml or .json; "-" reads stdin)' \
                --prune-alerts 'also show the alerts apply --prune-alerts would delete' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'apply'
            printf '%s\t%s\n' \
                -f 'the state file (.yaml, .yml or .json; "-" reads stdin)' \
                --file 'the state file (.yaml, .yml or .json; "-" reads stdin)' \
                -y 'apply without asking (needed when there is no terminal to ask at)' \
                --yes 'apply without asking (needed when there is no terminal to ask at)' \
                --prune-alerts 'also delete the alerts the file does not name, on accounts whose alerts it lists' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'config'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'config list'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'config get'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'config set'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'config unset'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'config path'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'config help'
            true
        case 'emulator'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'emulator start'
            printf '%s\t%s\n' \
                --port 'port to listen on; 0 picks a free one' \
                --host 'loopback address to listen on' \
                --data 'keep state in this JSON file (safe to share between processes); default: in memory' \
                --latency 'delay every answer by this many milliseconds' \
                --fail-rate 'share of requests answered 503' \
                --rate-limit 'answer 429 with Retry-After above this many requests per second; 0: no limit' \
                --drop-rate 'share of connections dropped, before or after the request is applied' \
                --drop-mode 'when a dropped request is dropped' \
                --seed 'create n sample customers when the state is empty' \
                --seed-accounts 'accounts per sample customer' \
                --random-seed 'seed of the random faults, to replay a run (the banner shows the one drawn)' \
                --platform-name 'the Basic-auth user to accept (default: tango-local)' \
                --platform-key 'the Basic-auth password to accept (default: local-key)' \
                --token-ttl 'lifetime of OAuth tokens from POST /oauth/token' \
                --create-answer 'what a create answers: documented (201, the created fields) or full (200, the whole resource)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'emulator reset'
            printf '%s\t%s\n' \
                --data 'a `tango emulator start --data` file instead of the --env local state' \
                -y 'do not ask for confirmation (needed without a terminal)' \
                --yes 'do not ask for confirmation (needed without a terminal)' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'emulator seed'
            printf '%s\t%s\n' \
                --customers 'how many customers to add' \
                --accounts 'accounts per added customer' \
                --random-seed 'seed of the generator, for the same data every time' \
                --data 'a `tango emulator start --data` file instead of the --env local state' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'emulator help'
            true
        case 'completion'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
        case 'help'
            printf '%s\t%s\n' \
                -h 'display help for command' \
                --help 'display help for command' \
                -V 'print the version' \
                --version 'print the version' \
                -p 'stored profile to use (default: "default")' \
                --profile 'stored profile to use (default: "default")' \
                --env 'API environment; local runs the built-in emulator' \
                --base-url 'any other server (https, or http to loopback only)' \
                -o 'output format; text: values only, tab-separated (default: table)' \
                --output 'output format; text: values only, tab-separated (default: table)' \
                --json 'short for --output json' \
                --fields 'comma-separated fields to show, by their API names' \
                --csv-raw 'CSV cells as they are: no \' before a cell a spreadsheet would run as a formula' \
                --query 'JMESPath applied to the JSON output before it is printed (see README)' \
                --no-color 'no colour (also NO_COLOR=1)' \
                -v 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                --verbose 'trace HTTP requests on stderr, credentials redacted (also TANGO_DEBUG=1)' \
                -q 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --quiet 'nothing on stderr but errors and warnings, even at a terminal (also TANGO_QUIET=1)' \
                --error-format 'errors on stderr as text or one JSON object (default: json with -o json/ndjson)' \
                --no-input 'never prompt; a missing value is an error (also when CI is set or there is no terminal)' \
                --timeout 'per-request timeout in seconds (default: 30)' \
                --max-retries 'retries on 429, 5xx and network errors (default: 4)' \
                --rate 'requests per second to pace at (default: 1 for Tango, adaptive for this machine; 0: no pacing)'
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
            echo 'required choices table json ndjson csv text'
        case '|--json'
            echo 'none'
        case '|--fields'
            echo 'required free'
        case '|--csv-raw'
            echo 'none'
        case '|--query'
            echo 'required free'
        case '|--no-color'
            echo 'none'
        case '|-v' '|--verbose'
            echo 'none'
        case '|-q' '|--quiet'
            echo 'none'
        case '|--error-format'
            echo 'required choices text json'
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
        case 'customers|-h' 'customers|--help'
            echo 'none'
        case 'customers list|--display-name'
            echo 'required free'
        case 'customers list|--status'
            echo 'required free'
        case 'customers list|--created-after'
            echo 'required free'
        case 'customers list|--created-before'
            echo 'required free'
        case 'customers list|--account-status'
            echo 'required choices ACTIVE INACTIVE DISABLED FROZEN DELETED'
        case 'customers list|--account-identifier'
            echo 'required accounts'
        case 'customers list|--account-number'
            echo 'required free'
        case 'customers list|--account-display-name'
            echo 'required free'
        case 'customers list|--account-created-after'
            echo 'required free'
        case 'customers list|--account-created-before'
            echo 'required free'
        case 'customers list|--paginate'
            echo 'none'
        case 'customers list|--max-results'
            echo 'required free'
        case 'customers list|--next-cursor'
            echo 'required free'
        case 'customers list|--prev-cursor'
            echo 'required free'
        case 'customers list|--all'
            echo 'none'
        case 'customers list|--limit'
            echo 'required free'
        case 'customers list|-h' 'customers list|--help'
            echo 'none'
        case 'customers get|-h' 'customers get|--help'
            echo 'none'
        case 'customers create|--identifier'
            echo 'required free'
        case 'customers create|--display-name'
            echo 'required free'
        case 'customers create|--if-not-exists'
            echo 'none'
        case 'customers create|--dry-run'
            echo 'none'
        case 'customers create|--outcome'
            echo 'none'
        case 'customers create|-y' 'customers create|--yes'
            echo 'none'
        case 'customers create|-h' 'customers create|--help'
            echo 'none'
        case 'accounts|-h' 'accounts|--help'
            echo 'none'
        case 'accounts list|--status'
            echo 'required choices ACTIVE INACTIVE DISABLED FROZEN DELETED'
        case 'accounts list|--currency'
            echo 'required choices AUD CAD EUR GBP USD MXN SGD PLN'
        case 'accounts list|--display-name'
            echo 'required free'
        case 'accounts list|--account-number'
            echo 'required free'
        case 'accounts list|--contact-email'
            echo 'required free'
        case 'accounts list|--min-balance'
            echo 'required free'
        case 'accounts list|--max-balance'
            echo 'required free'
        case 'accounts list|--created-after'
            echo 'required free'
        case 'accounts list|--created-before'
            echo 'required free'
        case 'accounts list|--funding-email'
            echo 'required free'
        case 'accounts list|--paginate'
            echo 'none'
        case 'accounts list|--max-results'
            echo 'required free'
        case 'accounts list|--next-cursor'
            echo 'required free'
        case 'accounts list|--prev-cursor'
            echo 'required free'
        case 'accounts list|--all'
            echo 'none'
        case 'accounts list|--limit'
            echo 'required free'
        case 'accounts list|-h' 'accounts list|--help'
            echo 'none'
        case 'accounts get|-h' 'accounts get|--help'
            echo 'none'
        case 'accounts create|--identifier'
            echo 'required free'
        case 'accounts create|--display-name'
            echo 'required free'
        case 'accounts create|--contact-email'
            echo 'required free'
        case 'accounts create|--currency'
            echo 'required choices USD AUD CAD EUR GBP'
        case 'accounts create|--funding-email'
            echo 'required free'
        case 'accounts create|--if-not-exists'
            echo 'none'
        case 'accounts create|--dry-run'
            echo 'none'
        case 'accounts create|--outcome'
            echo 'none'
        case 'accounts create|-y' 'accounts create|--yes'
            echo 'none'
        case 'accounts create|-h' 'accounts create|--help'
            echo 'none'
        case 'accounts update|--display-name'
            echo 'required free'
        case 'accounts update|--contact-email'
            echo 'required free'
        case 'accounts update|--funding-email'
            echo 'required free'
        case 'accounts update|--clear-funding-emails'
            echo 'none'
        case 'accounts update|--dry-run'
            echo 'none'
        case 'accounts update|-y' 'accounts update|--yes'
            echo 'none'
        case 'accounts update|-h' 'accounts update|--help'
            echo 'none'
        case 'accounts import|-f' 'accounts import|--file'
            echo 'required file'
        case 'accounts import|--format'
            echo 'required choices csv json'
        case 'accounts import|-c' 'accounts import|--concurrency'
            echo 'required free'
        case 'accounts import|--report'
            echo 'required file'
        case 'accounts import|--dry-run'
            echo 'none'
        case 'accounts import|-y' 'accounts import|--yes'
            echo 'none'
        case 'accounts import|-h' 'accounts import|--help'
            echo 'none'
        case 'alerts|-h' 'alerts|--help'
            echo 'none'
        case 'alerts list|--display-name'
            echo 'required free'
        case 'alerts list|--threshold'
            echo 'required free'
        case 'alerts list|--email'
            echo 'required free'
        case 'alerts list|--page'
            echo 'required free'
        case 'alerts list|--per-page'
            echo 'required free'
        case 'alerts list|--all'
            echo 'none'
        case 'alerts list|--limit'
            echo 'required free'
        case 'alerts list|-h' 'alerts list|--help'
            echo 'none'
        case 'alerts get|-h' 'alerts get|--help'
            echo 'none'
        case 'alerts create|--display-name'
            echo 'required free'
        case 'alerts create|--threshold'
            echo 'required free'
        case 'alerts create|--email'
            echo 'required free'
        case 'alerts create|--if-not-exists'
            echo 'none'
        case 'alerts create|--dry-run'
            echo 'none'
        case 'alerts create|-y' 'alerts create|--yes'
            echo 'none'
        case 'alerts create|-h' 'alerts create|--help'
            echo 'none'
        case 'alerts update|--display-name'
            echo 'required free'
        case 'alerts update|--threshold'
            echo 'required free'
        case 'alerts update|--email'
            echo 'required free'
        case 'alerts update|--clear-emails'
            echo 'none'
        case 'alerts update|--dry-run'
            echo 'none'
        case 'alerts update|-y' 'alerts update|--yes'
            echo 'none'
        case 'alerts update|-h' 'alerts update|--help'
            echo 'none'
        case 'alerts delete|-y' 'alerts delete|--yes'
            echo 'none'
        case 'alerts delete|-h' 'alerts delete|--help'
            echo 'none'
        case 'api|-f' 'api|--raw-field'
            echo 'required free'
        case 'api|-F' 'api|--field'
            echo 'required free'
        case 'api|-H' 'api|--header'
            echo 'required free'
        case 'api|--input'
            echo 'required file'
        case 'api|-i' 'api|--include'
            echo 'none'
        case 'api|--paginate'
            echo 'none'
        case 'api|--slurp'
            echo 'none'
        case 'api|--retry-post'
            echo 'none'
        case 'api|-y' 'api|--yes'
            echo 'none'
        case 'api|-h' 'api|--help'
            echo 'none'
        case 'auth|-h' 'auth|--help'
            echo 'none'
        case 'auth login|--platform-name'
            echo 'required free'
        case 'auth login|--platform-key-stdin'
            echo 'none'
        case 'auth login|--client-id'
            echo 'required free'
        case 'auth login|--username'
            echo 'required free'
        case 'auth login|--client-secret-stdin'
            echo 'none'
        case 'auth login|--audience'
            echo 'required choices 24h 5m'
        case 'auth login|--auth-url'
            echo 'required free'
        case 'auth login|--no-verify'
            echo 'none'
        case 'auth login|-y' 'auth login|--yes'
            echo 'none'
        case 'auth login|-h' 'auth login|--help'
            echo 'none'
        case 'auth status|--no-verify'
            echo 'none'
        case 'auth status|-h' 'auth status|--help'
            echo 'none'
        case 'auth logout|-y' 'auth logout|--yes'
            echo 'none'
        case 'auth logout|-h' 'auth logout|--help'
            echo 'none'
        case 'onboard|--plan'
            echo 'required file'
        case 'onboard|--dry-run'
            echo 'none'
        case 'onboard|-y' 'onboard|--yes'
            echo 'none'
        case 'onboard|-h' 'onboard|--help'
            echo 'none'
        case 'export|-f' 'export|--file'
            echo 'required file'
        case 'export|--force'
            echo 'none'
        case 'export|-h' 'export|--help'
            echo 'none'
        case 'diff|-f' 'diff|--file'
            echo 'required file'
        case 'diff|--prune-alerts'
            echo 'none'
        case 'diff|-h' 'diff|--help'
            echo 'none'
        case 'apply|-f' 'apply|--file'
            echo 'required file'
        case 'apply|-y' 'apply|--yes'
            echo 'none'
        case 'apply|--prune-alerts'
            echo 'none'
        case 'apply|-h' 'apply|--help'
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
        case 'emulator|-h' 'emulator|--help'
            echo 'none'
        case 'emulator start|--port'
            echo 'required free'
        case 'emulator start|--host'
            echo 'required free'
        case 'emulator start|--data'
            echo 'required file'
        case 'emulator start|--latency'
            echo 'required free'
        case 'emulator start|--fail-rate'
            echo 'required free'
        case 'emulator start|--rate-limit'
            echo 'required free'
        case 'emulator start|--drop-rate'
            echo 'required free'
        case 'emulator start|--drop-mode'
            echo 'required choices mixed before after'
        case 'emulator start|--seed'
            echo 'required free'
        case 'emulator start|--seed-accounts'
            echo 'required free'
        case 'emulator start|--random-seed'
            echo 'required free'
        case 'emulator start|--platform-name'
            echo 'required free'
        case 'emulator start|--platform-key'
            echo 'required free'
        case 'emulator start|--token-ttl'
            echo 'required free'
        case 'emulator start|--create-answer'
            echo 'required choices documented full'
        case 'emulator start|-h' 'emulator start|--help'
            echo 'none'
        case 'emulator reset|--data'
            echo 'required file'
        case 'emulator reset|-y' 'emulator reset|--yes'
            echo 'none'
        case 'emulator reset|-h' 'emulator reset|--help'
            echo 'none'
        case 'emulator seed|--customers'
            echo 'required free'
        case 'emulator seed|--accounts'
            echo 'required free'
        case 'emulator seed|--random-seed'
            echo 'required free'
        case 'emulator seed|--data'
            echo 'required file'
        case 'emulator seed|-h' 'emulator seed|--help'
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
        case 'customers get|0'
            echo 'customers'
        case 'accounts list|0'
            echo 'customers'
        case 'accounts get|0'
            echo 'accounts'
        case 'accounts create|0'
            echo 'customers'
        case 'accounts update|0'
            echo 'customers'
        case 'accounts update|1'
            echo 'accounts'
        case 'accounts import|0'
            echo 'customers'
        case 'alerts list|0'
            echo 'customers'
        case 'alerts list|1'
            echo 'accounts'
        case 'alerts get|0'
            echo 'customers'
        case 'alerts get|1'
            echo 'accounts'
        case 'alerts get|2'
            echo 'alerts'
        case 'alerts create|0'
            echo 'customers'
        case 'alerts create|1'
            echo 'accounts'
        case 'alerts update|0'
            echo 'customers'
        case 'alerts update|1'
            echo 'accounts'
        case 'alerts update|2'
            echo 'alerts'
        case 'alerts delete|0'
            echo 'customers'
        case 'alerts delete|1'
            echo 'accounts'
        case 'alerts delete|2'
            echo 'alerts'
        case 'api|0'
            echo 'choices GET POST PUT PATCH DELETE /accounts /accounts/ /catalogs /creditCardDeposits /creditCardDeposits/ /creditCardUnregisters /creditCards /creditCards/ /customers /customers/ /emailTemplates /emailTemplates/ /exchangerates /orders /orders/'
        case 'api|1'
            echo 'choices /accounts /accounts/ /catalogs /creditCardDeposits /creditCardDeposits/ /creditCardUnregisters /creditCards /creditCards/ /customers /customers/ /emailTemplates /emailTemplates/ /exchangerates /orders /orders/'
        case 'export|*'
            echo 'customers'
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

# Candidates for a value spec ("choices A B", profiles, customers, accounts, alerts, file, free); fish filters them.
function __tango_values -a spec profile
    set -l words (string split ' ' -- $spec)
    switch $words[1]
        case choices
            printf '%s\n' $words[2..-1]
        case profiles
            __tango_profiles
        case customers
            __tango_cached customer $profile
        case accounts
            __tango_cached account $profile
        case alerts
            __tango_cached alert $profile
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
