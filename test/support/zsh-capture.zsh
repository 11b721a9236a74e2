# Sourced inside the zsh that zsh-complete.zsh drives: compinit, a TAB that completes without
# listing or menus (nothing must wait for a key), and a compadd that prints each match it adds
# after a marker, then adds it as usual.
PROMPT=
unsetopt auto_list auto_menu list_ambiguous beep
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' insert-tab false

# TAB: complete, then say so, whether or not anything matched.
__capture_complete() {
  zle complete-word
  print -r -- '@@zsh-capture:end@@'
}
zle -N __capture_complete
bindkey '^I' __capture_complete
bindkey '^U' kill-whole-line

compadd() {
  # Calls with -O, -A or -D only compute matches for the caller; pass them through untouched.
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return
  fi
  local -a __matches
  # -A stores the matches that fit the word being completed instead of adding them.
  builtin compadd -A __matches "$@"
  local match
  for match in $__matches; do print -r -- "@@zsh-capture:match@@$match"; done
  builtin compadd "$@"
}
print -r -- '@@zsh-capture:ready@@'
