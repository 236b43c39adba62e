# bash completion of reach: its commands, each command's options and the
# values an option lists (--format text|json ...), all read from reach's own
# help (help/commands.txt), so that it cannot drift from what reach takes.
# Installed by make install as share/bash-completion/completions/reach.

_reach()
{
	local reach=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local i cmd= values
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db | -o | --output) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	case $prev in
	--db | -o | --output)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--*)
		# The option's value: its choices when the help lists them, else a file name.
		values=$("$reach" help "${cmd:-help}" 2>/dev/null | sed -n "s/^  \(-., \)\{0,1\}$prev \([^ ]*|[^ ]*\)\$/\2/p")
		if [[ -n $values ]]; then
			COMPREPLY=($(compgen -W "${values//|/ }" -- "$cur"))
			return
		fi
		if "$reach" help "${cmd:-help}" 2>/dev/null | grep -q "^  \(-., \)\{0,1\}$prev [A-Z]"; then
			COMPREPLY=($(compgen -f -- "$cur"))
			return
		fi ;;
	esac
	if [[ $cur == -* ]]; then
		values=$("$reach" help "${cmd:-help}" 2>/dev/null | sed -n 's/^  \(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p')
		COMPREPLY=($(compgen -W "$values --db --output --quiet --help" -- "$cur"))
		return
	fi
	local commands=$("$reach" --help 2>/dev/null | sed -n '/^commands:/,/^$/s/^  reach \([a-z]*\).*/\1/p')
	case $cmd in
	'') COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
	baseline) [[ $prev == baseline ]] && COMPREPLY=($(compgen -W "import list use" -- "$cur")) ||
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	plan) [[ $prev == plan ]] && COMPREPLY=($(compgen -W "import list" -- "$cur")) ||
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	*) COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
}
complete -F _reach reach
