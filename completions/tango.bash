# bash completion for tango.
# Generated from the commander tree by `npm run completions` (src/completion/); do not edit.
# Dynamic values come from files only, never from the network: profile names from
# config.json, customer, account and alert identifiers from completion-cache.tsv (which
# list/get/create refresh).
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
    '|customers'|'|groups') REPLY=customers ;;
    '|accounts') REPLY=accounts ;;
    '|alerts') REPLY=alerts ;;
    '|api') REPLY=api ;;
    '|auth') REPLY=auth ;;
    '|onboard') REPLY=onboard ;;
    '|export') REPLY=export ;;
    '|diff') REPLY=diff ;;
    '|apply') REPLY=apply ;;
    '|config') REPLY=config ;;
    '|emulator') REPLY=emulator ;;
    '|completion') REPLY=completion ;;
    '|help') REPLY=help ;;
    'customers|list') REPLY=list ;;
    'customers|get') REPLY=get ;;
    'customers|create') REPLY=create ;;
    'customers|help') REPLY=help ;;
    'accounts|list') REPLY=list ;;
    'accounts|get') REPLY=get ;;
    'accounts|create') REPLY=create ;;
    'accounts|update') REPLY=update ;;
    'accounts|import') REPLY=import ;;
    'accounts|help') REPLY=help ;;
    'alerts|list') REPLY=list ;;
    'alerts|get') REPLY=get ;;
    'alerts|create') REPLY=create ;;
    'alerts|update') REPLY=update ;;
    'alerts|delete') REPLY=delete ;;
    'alerts|help') REPLY=help ;;
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
    'emulator|start') REPLY=start ;;
    'emulator|reset') REPLY=reset ;;
    'emulator|seed') REPLY=seed ;;
    'emulator|help') REPLY=help ;;
    *) return 1 ;;
  esac
}

# The subcommands of command path $1.
_tango_subcommands() {
  case $1 in
    '') REPLY='customers accounts alerts api auth onboard export diff apply config emulator completion help' ;;
    'customers') REPLY='list get create help' ;;
    'accounts') REPLY='list get create update import help' ;;
    'alerts') REPLY='list get create update delete help' ;;
    'auth') REPLY='login status logout help' ;;
    'config') REPLY='list get set unset path help' ;;
    'emulator') REPLY='start reset seed help' ;;
    *) REPLY='' ;;
  esac
}

# Every flag command path $1 accepts: its own and its ancestors'.
_tango_flags() {
  case $1 in
    '') REPLY='-V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate -h --help' ;;
    'customers') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'customers list') REPLY='--display-name --status --created-after --created-before --account-status --account-identifier --account-number --account-display-name --account-created-after --account-created-before --paginate --max-results --next-cursor --prev-cursor --all --limit -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'customers get') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'customers create') REPLY='--identifier --display-name --if-not-exists --dry-run --outcome -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'customers help') REPLY='' ;;
    'accounts') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'accounts list') REPLY='--status --currency --display-name --account-number --contact-email --min-balance --max-balance --created-after --created-before --funding-email --paginate --max-results --next-cursor --prev-cursor --all --limit -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'accounts get') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'accounts create') REPLY='--identifier --display-name --contact-email --currency --funding-email --if-not-exists --dry-run --outcome -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'accounts update') REPLY='--display-name --contact-email --funding-email --clear-funding-emails --dry-run -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'accounts import') REPLY='-f --file --format -c --concurrency --report --dry-run -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'accounts help') REPLY='' ;;
    'alerts') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'alerts list') REPLY='--display-name --threshold --email --page --per-page --all --limit -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'alerts get') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'alerts create') REPLY='--display-name --threshold --email --if-not-exists --dry-run -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'alerts update') REPLY='--display-name --threshold --email --clear-emails --dry-run -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'alerts delete') REPLY='-y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'alerts help') REPLY='' ;;
    'api') REPLY='-f --raw-field -F --field -H --header --input -i --include --paginate --slurp --retry-post -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'auth') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'auth login') REPLY='--platform-name --platform-key-stdin --client-id --username --client-secret-stdin --audience --auth-url --no-verify -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'auth status') REPLY='--no-verify -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'auth logout') REPLY='-y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'auth help') REPLY='' ;;
    'onboard') REPLY='--plan --dry-run -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'export') REPLY='-f --file --force -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'diff') REPLY='-f --file --prune-alerts -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'apply') REPLY='-f --file -y --yes --prune-alerts -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'config') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'config list') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'config get') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'config set') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'config unset') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'config path') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'config help') REPLY='' ;;
    'emulator') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'emulator start') REPLY='--port --host --data --latency --fail-rate --rate-limit --drop-rate --drop-mode --seed --seed-accounts --random-seed --platform-name --platform-key --token-ttl --create-answer -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'emulator reset') REPLY='--data -y --yes -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'emulator seed') REPLY='--customers --accounts --random-seed --data -h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'emulator help') REPLY='' ;;
    'completion') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
    'help') REPLY='-h --help -V --version -p --profile --env --base-url -o --output --json --fields --csv-raw --query --no-color -v --verbose -q --quiet --error-format --no-input --timeout --max-retries --rate' ;;
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
    '|-o'|'|--output') REPLY='required choices table json ndjson csv text' ;;
    '|--json') REPLY='none' ;;
    '|--fields') REPLY='required free' ;;
    '|--csv-raw') REPLY='none' ;;
    '|--query') REPLY='required free' ;;
    '|--no-color') REPLY='none' ;;
    '|-v'|'|--verbose') REPLY='none' ;;
    '|-q'|'|--quiet') REPLY='none' ;;
    '|--error-format') REPLY='required choices text json' ;;
    '|--no-input') REPLY='none' ;;
    '|--timeout') REPLY='required free' ;;
    '|--max-retries') REPLY='required free' ;;
    '|--rate') REPLY='required free' ;;
    '|-h'|'|--help') REPLY='none' ;;
    'customers|-h'|'customers|--help') REPLY='none' ;;
    'customers list|--display-name') REPLY='required free' ;;
    'customers list|--status') REPLY='required free' ;;
    'customers list|--created-after') REPLY='required free' ;;
    'customers list|--created-before') REPLY='required free' ;;
    'customers list|--account-status') REPLY='required choices ACTIVE INACTIVE DISABLED FROZEN DELETED' ;;
    'customers list|--account-identifier') REPLY='required accounts' ;;
    'customers list|--account-number') REPLY='required free' ;;
    'customers list|--account-display-name') REPLY='required free' ;;
    'customers list|--account-created-after') REPLY='required free' ;;
    'customers list|--account-created-before') REPLY='required free' ;;
    'customers list|--paginate') REPLY='none' ;;
    'customers list|--max-results') REPLY='required free' ;;
    'customers list|--next-cursor') REPLY='required free' ;;
    'customers list|--prev-cursor') REPLY='required free' ;;
    'customers list|--all') REPLY='none' ;;
    'customers list|--limit') REPLY='required free' ;;
    'customers list|-h'|'customers list|--help') REPLY='none' ;;
    'customers get|-h'|'customers get|--help') REPLY='none' ;;
    'customers create|--identifier') REPLY='required free' ;;
    'customers create|--display-name') REPLY='required free' ;;
    'customers create|--if-not-exists') REPLY='none' ;;
    'customers create|--dry-run') REPLY='none' ;;
    'customers create|--outcome') REPLY='none' ;;
    'customers create|-y'|'customers create|--yes') REPLY='none' ;;
    'customers create|-h'|'customers create|--help') REPLY='none' ;;
    'accounts|-h'|'accounts|--help') REPLY='none' ;;
    'accounts list|--status') REPLY='required choices ACTIVE INACTIVE DISABLED FROZEN DELETED' ;;
    'accounts list|--currency') REPLY='required choices AUD CAD EUR GBP USD MXN SGD PLN' ;;
    'accounts list|--display-name') REPLY='required free' ;;
    'accounts list|--account-number') REPLY='required free' ;;
    'accounts list|--contact-email') REPLY='required free' ;;
    'accounts list|--min-balance') REPLY='required free' ;;
    'accounts list|--max-balance') REPLY='required free' ;;
    'accounts list|--created-after') REPLY='required free' ;;
    'accounts list|--created-before') REPLY='required free' ;;
    'accounts list|--funding-email') REPLY='required free' ;;
    'accounts list|--paginate') REPLY='none' ;;
    'accounts list|--max-results') REPLY='required free' ;;
    'accounts list|--next-cursor') REPLY='required free' ;;
    'accounts list|--prev-cursor') REPLY='required free' ;;
    'accounts list|--all') REPLY='none' ;;
    'accounts list|--limit') REPLY='required free' ;;
    'accounts list|-h'|'accounts list|--help') REPLY='none' ;;
    'accounts get|-h'|'accounts get|--help') REPLY='none' ;;
    'accounts create|--identifier') REPLY='required free' ;;
    'accounts create|--display-name') REPLY='required free' ;;
    'accounts create|--contact-email') REPLY='required free' ;;
    'accounts create|--currency') REPLY='required choices USD AUD CAD EUR GBP' ;;
    'accounts create|--funding-email') REPLY='required free' ;;
    'accounts create|--if-not-exists') REPLY='none' ;;
    'accounts create|--dry-run') REPLY='none' ;;
    'accounts create|--outcome') REPLY='none' ;;
    'accounts create|-y'|'accounts create|--yes') REPLY='none' ;;
    'accounts create|-h'|'accounts create|--help') REPLY='none' ;;
    'accounts update|--display-name') REPLY='required free' ;;
    'accounts update|--contact-email') REPLY='required free' ;;
    'accounts update|--funding-email') REPLY='required free' ;;
    'accounts update|--clear-funding-emails') REPLY='none' ;;
    'accounts update|--dry-run') REPLY='none' ;;
    'accounts update|-y'|'accounts update|--yes') REPLY='none' ;;
    'accounts update|-h'|'accounts update|--help') REPLY='none' ;;
    'accounts import|-f'|'accounts import|--file') REPLY='required file' ;;
    'accounts import|--format') REPLY='required choices csv json' ;;
    'accounts import|-c'|'accounts import|--concurrency') REPLY='required free' ;;
    'accounts import|--report') REPLY='required file' ;;
    'accounts import|--dry-run') REPLY='none' ;;
    'accounts import|-y'|'accounts import|--yes') REPLY='none' ;;
    'accounts import|-h'|'accounts import|--help') REPLY='none' ;;
    'alerts|-h'|'alerts|--help') REPLY='none' ;;
    'alerts list|--display-name') REPLY='required free' ;;
    'alerts list|--threshold') REPLY='required free' ;;
    'alerts list|--email') REPLY='required free' ;;
    'alerts list|--page') REPLY='required free' ;;
    'alerts list|--per-page') REPLY='required free' ;;
    'alerts list|--all') REPLY='none' ;;
    'alerts list|--limit') REPLY='required free' ;;
    'alerts list|-h'|'alerts list|--help') REPLY='none' ;;
    'alerts get|-h'|'alerts get|--help') REPLY='none' ;;
    'alerts create|--display-name') REPLY='required free' ;;
    'alerts create|--threshold') REPLY='required free' ;;
    'alerts create|--email') REPLY='required free' ;;
    'alerts create|--if-not-exists') REPLY='none' ;;
    'alerts create|--dry-run') REPLY='none' ;;
    'alerts create|-y'|'alerts create|--yes') REPLY='none' ;;
    'alerts create|-h'|'alerts create|--help') REPLY='none' ;;
    'alerts update|--display-name') REPLY='required free' ;;
    'alerts update|--threshold') REPLY='required free' ;;
    'alerts update|--email') REPLY='required free' ;;
    'alerts update|--clear-emails') REPLY='none' ;;
    'alerts update|--dry-run') REPLY='none' ;;
    'alerts update|-y'|'alerts update|--yes') REPLY='none' ;;
    'alerts update|-h'|'alerts update|--help') REPLY='none' ;;
    'alerts delete|-y'|'alerts delete|--yes') REPLY='none' ;;
    'alerts delete|-h'|'alerts delete|--help') REPLY='none' ;;
    'api|-f'|'api|--raw-field') REPLY='required free' ;;
    'api|-F'|'api|--field') REPLY='required free' ;;
    'api|-H'|'api|--header') REPLY='required free' ;;
    'api|--input') REPLY='required file' ;;
    'api|-i'|'api|--include') REPLY='none' ;;
    'api|--paginate') REPLY='none' ;;
    'api|--slurp') REPLY='none' ;;
    'api|--retry-post') REPLY='none' ;;
    'api|-y'|'api|--yes') REPLY='none' ;;
    'api|-h'|'api|--help') REPLY='none' ;;
    'auth|-h'|'auth|--help') REPLY='none' ;;
    'auth login|--platform-name') REPLY='required free' ;;
    'auth login|--platform-key-stdin') REPLY='none' ;;
    'auth login|--client-id') REPLY='required free' ;;
    'auth login|--username') REPLY='required free' ;;
    'auth login|--client-secret-stdin') REPLY='none' ;;
    'auth login|--audience') REPLY='required choices 24h 5m' ;;
    'auth login|--auth-url') REPLY='required free' ;;
    'auth login|--no-verify') REPLY='none' ;;
    'auth login|-y'|'auth login|--yes') REPLY='none' ;;
    'auth login|-h'|'auth login|--help') REPLY='none' ;;
    'auth status|--no-verify') REPLY='none' ;;
    'auth status|-h'|'auth status|--help') REPLY='none' ;;
    'auth logout|-y'|'auth logout|--yes') REPLY='none' ;;
    'auth logout|-h'|'auth logout|--help') REPLY='none' ;;
    'onboard|--plan') REPLY='required file' ;;
    'onboard|--dry-run') REPLY='none' ;;
    'onboard|-y'|'onboard|--yes') REPLY='none' ;;
    'onboard|-h'|'onboard|--help') REPLY='none' ;;
    'export|-f'|'export|--file') REPLY='required file' ;;
    'export|--force') REPLY='none' ;;
    'export|-h'|'export|--help') REPLY='none' ;;
    'diff|-f'|'diff|--file') REPLY='required file' ;;
    'diff|--prune-alerts') REPLY='none' ;;
    'diff|-h'|'diff|--help') REPLY='none' ;;
    'apply|-f'|'apply|--file') REPLY='required file' ;;
    'apply|-y'|'apply|--yes') REPLY='none' ;;
    'apply|--prune-alerts') REPLY='none' ;;
    'apply|-h'|'apply|--help') REPLY='none' ;;
    'config|-h'|'config|--help') REPLY='none' ;;
    'config list|-h'|'config list|--help') REPLY='none' ;;
    'config get|-h'|'config get|--help') REPLY='none' ;;
    'config set|-h'|'config set|--help') REPLY='none' ;;
    'config unset|-h'|'config unset|--help') REPLY='none' ;;
    'config path|-h'|'config path|--help') REPLY='none' ;;
    'emulator|-h'|'emulator|--help') REPLY='none' ;;
    'emulator start|--port') REPLY='required free' ;;
    'emulator start|--host') REPLY='required free' ;;
    'emulator start|--data') REPLY='required file' ;;
    'emulator start|--latency') REPLY='required free' ;;
    'emulator start|--fail-rate') REPLY='required free' ;;
    'emulator start|--rate-limit') REPLY='required free' ;;
    'emulator start|--drop-rate') REPLY='required free' ;;
    'emulator start|--drop-mode') REPLY='required choices mixed before after' ;;
    'emulator start|--seed') REPLY='required free' ;;
    'emulator start|--seed-accounts') REPLY='required free' ;;
    'emulator start|--random-seed') REPLY='required free' ;;
    'emulator start|--platform-name') REPLY='required free' ;;
    'emulator start|--platform-key') REPLY='required free' ;;
    'emulator start|--token-ttl') REPLY='required free' ;;
    'emulator start|--create-answer') REPLY='required choices documented full' ;;
    'emulator start|-h'|'emulator start|--help') REPLY='none' ;;
    'emulator reset|--data') REPLY='required file' ;;
    'emulator reset|-y'|'emulator reset|--yes') REPLY='none' ;;
    'emulator reset|-h'|'emulator reset|--help') REPLY='none' ;;
    'emulator seed|--customers') REPLY='required free' ;;
    'emulator seed|--accounts') REPLY='required free' ;;
    'emulator seed|--random-seed') REPLY='required free' ;;
    'emulator seed|--data') REPLY='required file' ;;
    'emulator seed|-h'|'emulator seed|--help') REPLY='none' ;;
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
    'customers get|0') REPLY='customers' ;;
    'accounts list|0') REPLY='customers' ;;
    'accounts get|0') REPLY='accounts' ;;
    'accounts create|0') REPLY='customers' ;;
    'accounts update|0') REPLY='customers' ;;
    'accounts update|1') REPLY='accounts' ;;
    'accounts import|0') REPLY='customers' ;;
    'alerts list|0') REPLY='customers' ;;
    'alerts list|1') REPLY='accounts' ;;
    'alerts get|0') REPLY='customers' ;;
    'alerts get|1') REPLY='accounts' ;;
    'alerts get|2') REPLY='alerts' ;;
    'alerts create|0') REPLY='customers' ;;
    'alerts create|1') REPLY='accounts' ;;
    'alerts update|0') REPLY='customers' ;;
    'alerts update|1') REPLY='accounts' ;;
    'alerts update|2') REPLY='alerts' ;;
    'alerts delete|0') REPLY='customers' ;;
    'alerts delete|1') REPLY='accounts' ;;
    'alerts delete|2') REPLY='alerts' ;;
    'api|0') REPLY='choices GET POST PUT PATCH DELETE /accounts /accounts/ /catalogs /creditCardDeposits /creditCardDeposits/ /creditCardUnregisters /creditCards /creditCards/ /customers /customers/ /emailTemplates /emailTemplates/ /exchangerates /orders /orders/' ;;
    'api|1') REPLY='choices /accounts /accounts/ /catalogs /creditCardDeposits /creditCardDeposits/ /creditCardUnregisters /creditCards /creditCards/ /customers /customers/ /emailTemplates /emailTemplates/ /exchangerates /orders /orders/' ;;
    'export|'*) REPLY='customers' ;;
    'config get|0') REPLY='choices env base-url auth-url output timeout max-retries rate platform-name platform-key client-id client-secret' ;;
    'config set|0') REPLY='choices env base-url auth-url output timeout max-retries rate platform-name platform-key client-id client-secret' ;;
    'config unset|0') REPLY='choices env base-url auth-url output timeout max-retries rate platform-name platform-key client-id client-secret' ;;
    'completion|0') REPLY='choices bash zsh fish' ;;
    *) return 1 ;;
  esac
}

# Candidates for a value spec ($1: "choices A B", profiles, customers, accounts, alerts, file, free) matching $2; $3 is the profile.
_tango_values() {
  case $1 in
    choices\ *) COMPREPLY=($(compgen -W "${1#choices }" -- "$2")) ;;
    profiles) _tango_reply_from "$2" < <(_tango_profiles) ;;
    customers) _tango_reply_from "$2" < <(_tango_cached customer "$3") ;;
    accounts) _tango_reply_from "$2" < <(_tango_cached account "$3") ;;
    alerts) _tango_reply_from "$2" < <(_tango_cached alert "$3") ;;
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
