# Prints what zsh's completion system offers for each command line given, one candidate a line,
# each line's candidates after a line "@@line@@":
#   zsh -f test/support/zsh-complete.zsh <folder with _tango | script file> '<line>' ['<line>'...]
# zsh completes only inside its line editor, so this drives a real interactive zsh on a
# pseudo-terminal (zpty): it loads compinit with the folder first on $fpath (as a user installs
# it), or sources the file after compinit, then for each line types it and a TAB;
# zsh-capture.zsh prints every match given to compadd. One zsh for all the lines: compinit is
# the slow part.
zmodload zsh/zpty || { print -u2 'zsh/zpty is missing'; exit 2 }
local target=$1 setup=${0:A:h}/zsh-capture.zsh out line candidate
local marker='@@zsh-capture'
zpty capture zsh -f -i
if [[ -d $target ]]; then
  zpty -w capture "fpath=(${(q)target} \$fpath); source ${(q)setup}"
else
  zpty -w capture "source ${(q)setup}; source ${(q)target}"
fi
zpty -r capture out "*${marker}:ready@@*" || { print -u2 'zsh did not start'; exit 2 }
for line in "${@[2,-1]}"; do
  zpty -w -n capture "$line"$'\t'
  zpty -r capture out "*${marker}:end@@*" || { print -u2 "no completion ran for: $line"; exit 2 }
  print -r -- '@@line@@'
  # The first match shares its line with the prompt and what was typed: take what follows the marker.
  for candidate in ${(f)out//$'\r'/}; do
    [[ $candidate == *"${marker}:match@@"* ]] && print -r -- ${candidate#*"${marker}:match@@"}
  done
  # Ctrl-U empties the line for the next one.
  zpty -w -n capture $'\C-u'
done
zpty -d capture
exit 0
