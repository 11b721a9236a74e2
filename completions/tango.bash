# bash completion for tango.
# Generated from the commander tree by `npm run completions` (src/completion/); do not edit.
# Dynamic values come from files only, never from the network: profile names from
# config.json, customer identifiers from completion-cache.tsv (which list/get/create refresh).
# Install: `source` it from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/tango.

# The config folder, found as src/config/paths.ts finds it.
_tango_config_dir() {
  REPLY=${TANGO_CONFIG_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/tango-admin}
}

# Profile names: the keys of "profiles" in config.json.
_tango_profiles() {
  local REPLY
  _tango_config_dir
  awk '{
  bare = $0
  gsub(/"([^"\\]|\\.)*"/, "\"\"", bare)
  if (depth == 2 && inside && match($0, /^[ \t]*"([^"\\]|\\.)*"[ \t]*:/)) {
    key = substr($0, RSTART, RLENGTH)
    sub(/^[ \t]*"/, "", key)
    sub(/"[ \t]*:$/, "", key)
    print key
  }
  if (depth == 1 && $0 ~ /^[ \t]*"profiles"[ \t]*:/) inside = 1
  depth += gsub(/[{]/, "{", bare) - gsub(/[}]/, "}", bare)
  if (depth < 2) inside = 0
}' "$REPLY/config.json" 2>/dev/null
}

# Identifiers of kind $1 that profile $2 has seen, newest first (src/completion/cache.ts writes them).
_tango_cached() {
  local REPLY
  _tango_config_dir
  TANGO_COMPLETION_KIND=$1 TANGO_COMPLETION_PROFILE=$2 \
    awk -F '\t' '$1 == ENVIRON["TANGO_COMPLETION_KIND"] && $2 == ENVIRON["TANGO_COMPLETION_PROFILE"] { print $3 }' "$REPLY/completion-cache.tsv" 2>/dev/null
}

# Adds the lines of stdin that start with $1 to COMPREPLY. Unlike compgen -W, never expands what it reads.
_tango_reply_from() {
  local line
  while IFS= read -r line; do
    [[ $line == "$1"* ]] && COMPREPLY+=("$line")
  done
  return 0
}

# The subcommand that word $2 names under command path $1.
_tango_subcommand() {
  case "$1|$2" in
    '|auth') REPLY=auth ;;
    '|config') REPLY=config ;;
    '|completion') REPLY=completion ;;
    '|help') REPLY=help ;;
    'auth|login') REPLY=login ;;
    'auth|status') REPLY=status ;;
    'auth|logout') REPLY=logout ;;
    'auth|help') REPLY=help ;;
    'config|list') REPLY=list ;;
    'config|get') REPLY=get ;;
    'config|set') REPLY=set ;;
    'config|unset') REPLY=unset ;;
    'config|path') REPLY=path ;;
    'config|help') REPLY=help ;;
    *) return 1 ;;
  esac
}

# The subcommands of command path $1.
_tango_subcommands() {
  case $1 in
    '') REPLY='auth config completion help' ;;
    'auth') REPLY='login status logout help' ;;
    'config') REPLY='list get set unset path help' ;;
    *) REPLY='' ;;
  esac
}

# Every flag command path $1 accepts: its own and its ancestors'.
_tango_flags() {
  case $1 in
    '') REPLY='-V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate -h --help' ;;
    'auth') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'auth login') REPLY='--platform-name --platform-key-stdin --client-id --client-secret-stdin --auth-url --no-verify -h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'auth status') REPLY='--no-verify -h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'auth logout') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'auth help') REPLY='' ;;
    'config') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'config list') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'config get') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'config set') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'config unset') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'config path') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'config help') REPLY='' ;;
    'completion') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    'help') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --no-color -v --verbose --no-input --timeout --max-retries --rate' ;;
    *) REPLY='' ;;
  esac
}

# How flag $2, declared by command path $1, takes a value: none, or "<required|optional> <values>".
_tango_option() {
  case "$1|$2" in
    '|-V'|'|--version') REPLY='none' ;;
    '|-p'|'|--profile') REPLY='required profiles' ;;
    '|--env') REPLY='required choices sandbox production local' ;;
    '|--base-url') REPLY='required free' ;;
    '|-o'|'|--output') REPLY='required choices table json ndjson csv' ;;
    '|--json') REPLY='none' ;;
    '|--fields') REPLY='required free' ;;
    '|--no-color') REPLY='none' ;;
    '|-v'|'|--verbose') REPLY='none' ;;
    '|--no-input') REPLY='none' ;;
    '|--timeout') REPLY='required free' ;;
    '|--max-retries') REPLY='required free' ;;
    '|--rate') REPLY='required free' ;;
    '|-h'|'|--help') REPLY='none' ;;
    'auth|-h'|'auth|--help') REPLY='none' ;;
    'auth login|--platform-name') REPLY='required free' ;;
    'auth login|--platform-key-stdin') REPLY='none' ;;
    'auth login|--client-id') REPLY='required free' ;;
    'auth login|--client-secret-stdin') REPLY='none' ;;
    'auth login|--auth-url') REPLY='required free' ;;
    'auth login|--no-verify') REPLY='none' ;;
    'auth login|-h'|'auth login|--help') REPLY='none' ;;
    'auth status|--no-verify') REPLY='none' ;;
    'auth status|-h'|'auth status|--help') REPLY='none' ;;
    'auth logout|-h'|'auth logout|--help') REPLY='none' ;;
    'config|-h'|'config|--help') REPLY='none' ;;
    'config list|-h'|'config list|--help') REPLY='none' ;;
    'config get|-h'|'config get|--help') REPLY='none' ;;
    'config set|-h'|'config set|--help') REPLY='none' ;;
    'config unset|-h'|'config unset|--help') REPLY='none' ;;
    'config path|-h'|'config path|--help') REPLY='none' ;;
    'completion|-h'|'completion|--help') REPLY='none' ;;
    'help|-h'|'help|--help') REPLY='none' ;;
    *) return 1 ;;
  esac
}

# The same, for a flag that command path $1 accepts from itself or an ancestor.
_tango_find_option() {
  local path=$1
  while ! _tango_option "$path" "$2"; do
    [[ -z $path ]] && return 1
    if [[ $path == *' '* ]]; then path=${path% *}; else path=''; fi
  done
}

# What positional argument $2 (from 0) of command path $1 is.
_tango_argument() {
  case "$1|$2" in
    'config get|0') REPLY='choices env base-url auth-url output timeout max-retries rate platform-name platform-key client-id client-secret' ;;
    'config set|0') REPLY='choices env base-url auth-url output timeout max-retries rate platform-name platform-key client-id client-secret' ;;
    'config unset|0') REPLY='choices env base-url auth-url output timeout max-retries rate platform-name platform-key client-id client-secret' ;;
    'completion|0') REPLY='choices bash zsh fish' ;;
    *) return 1 ;;
  esac
}

# Candidates for a value spec ($1: "choices A B", profiles, customers, file, free) matching $2; $3 is the profile.
_tango_values() {
  case $1 in
    choices\ *) COMPREPLY=($(compgen -W "${1#choices }" -- "$2")) ;;
    profiles) _tango_reply_from "$2" < <(_tango_profiles) ;;
    customers) _tango_reply_from "$2" < <(_tango_cached customer "$3") ;;
    file)
      compopt -o filenames 2>/dev/null
      _tango_reply_from "$2" < <(compgen -f -- "$2")
      ;;
  esac
  return 0
}

_tango() {
  local cur=${COMP_WORDS[COMP_CWORD]} path='' profile=${TANGO_PROFILE:-default}
  local pending='' positional=0 options_ended='' word i REPLY
  COMPREPLY=()
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word=${COMP_WORDS[i]}
    if [[ -n $pending ]]; then
      # bash splits --flag=value at the '=' into three words.
      [[ $word == = ]] && continue
      if [[ $pending != optional* || $word != -* ]]; then
        [[ $pending == *' profiles' ]] && profile=$word
        pending=''
        continue
      fi
      pending=''
    fi
    if [[ -n $options_ended ]]; then
      positional=$((positional + 1))
      continue
    fi
    case $word in
      --) options_ended=1 ;;
      --*=*)
        if _tango_find_option "$path" "${word%%=*}" && [[ $REPLY == *' profiles' ]]; then profile=${word#*=}; fi
        ;;
      -?*)
        if _tango_find_option "$path" "$word" && [[ $REPLY != none ]]; then pending=$REPLY; fi
        ;;
      *)
        if (( positional == 0 )) && _tango_subcommand "$path" "$word"; then
          path=${path:+$path }$REPLY
        else
          positional=$((positional + 1))
        fi
        ;;
    esac
  done

  if [[ -n $pending && ( $pending != optional* || $cur != -* ) ]]; then
    [[ $cur == = ]] && cur=''
    _tango_values "${pending#* }" "$cur" "$profile"
  elif [[ -z $options_ended && $cur == -* ]]; then
    _tango_flags "$path"
    COMPREPLY=($(compgen -W "$REPLY" -- "$cur"))
  elif _tango_subcommands "$path"; [[ -n $REPLY ]] && (( positional == 0 )); then
    COMPREPLY=($(compgen -W "$REPLY" -- "$cur"))
  elif _tango_argument "$path" "$positional"; then
    _tango_values "$REPLY" "$cur" "$profile"
  fi
  return 0
}

complete -F _tango tango
