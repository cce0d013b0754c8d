"""`examprep completion bash|zsh`: a shell completion script generated from the argument parser.

The script is written from argparse's own definitions (commands, each command's options, choices, which arguments
take a problem id, a file or a folder) and the problem ids of the catalog, so it never drifts from the CLI. It is
meant to be loaded each time a shell starts, which keeps the ids current:

    bash:  eval "$(examprep completion bash)"     (in ~/.bashrc)
    zsh:   eval "$(examprep completion zsh)"      (in ~/.zshrc; zsh runs the bash function through bashcompinit)
"""
import argparse

FILE_METAVARS = ("FILE", "FILE.md", "FILE.json", "NAME|PATH")
DIR_METAVARS = ("DIR", "RUN_DIR")


def _kind(action):
    """How an argument's value completes: 'ids', 'files', 'dirs', a list of choices, or None (free text)."""
    if action.choices:
        return [str(c) for c in action.choices]
    metavar = action.metavar or ""
    if metavar == "ID" or action.dest in ("problem", "problems"):
        return "ids"
    if metavar in FILE_METAVARS or action.dest in ("file", "files", "output"):
        return "files"
    if metavar in DIR_METAVARS:
        return "dirs"
    return None


def _commands(parser):
    for action in parser._actions:                       # noqa: SLF001 - argparse has no public walk
        if isinstance(action, argparse._SubParsersAction):   # noqa: SLF001
            return action.choices
    return {}


def _options(parser):
    """[(option strings, takes a value, kind)] of a parser."""
    out = []
    for action in parser._actions:                       # noqa: SLF001
        if not action.option_strings:
            continue
        takes = action.nargs != 0 and not isinstance(action, (argparse._StoreTrueAction,   # noqa: SLF001
                                                              argparse._StoreFalseAction,  # noqa: SLF001
                                                              argparse._HelpAction,        # noqa: SLF001
                                                              argparse._VersionAction))    # noqa: SLF001
        out.append((list(action.option_strings), takes, _kind(action) if takes else None))
    return out


def _positional(parser):
    kinds = [_kind(a) for a in parser._actions if not a.option_strings and   # noqa: SLF001
             not isinstance(a, argparse._SubParsersAction)]                  # noqa: SLF001
    return next((k for k in kinds if k), None)


def _words(kind):
    if kind == "ids":
        return 'compgen -W "$ids" -- "$cur"'
    if kind == "files":
        return 'compgen -f -- "$cur"'
    if kind == "dirs":
        return 'compgen -d -- "$cur"'
    if isinstance(kind, list):
        return f'compgen -W "{" ".join(kind)}" -- "$cur"'
    return None


def bash_script(parser, problem_ids):
    commands = _commands(parser)
    global_opts = _options(parser)
    value_opts = sorted({o for opts, takes, _ in global_opts if takes for o in opts})
    lines = ["# examprep completion (bash); load with: eval \"$(examprep completion bash)\"",
             "_examprep() {",
             '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
             f'    local ids="{" ".join(sorted(problem_ids))}"',
             '    local cmd="" i=1',
             "    while [ $i -lt $COMP_CWORD ]; do",
             '        case "${COMP_WORDS[i]}" in',
             f'            {"|".join(value_opts) or "--lang"}) i=$((i + 1)) ;;',
             "            -*) ;;",
             '            *) cmd="${COMP_WORDS[i]}"; break ;;',
             "        esac",
             "        i=$((i + 1))",
             "    done",
             '    COMPREPLY=()',
             '    case "$prev" in']
    for opts, takes, kind in global_opts:
        if takes and _words(kind):
            lines.append(f'        {"|".join(opts)}) COMPREPLY=($({_words(kind)})); return ;;')
    lines += ["    esac",
              '    if [ -z "$cmd" ]; then',
              f'        COMPREPLY=($(compgen -W "{" ".join(commands)} '
              f'{" ".join(o for opts, _, _ in global_opts for o in opts)}" -- "$cur"))',
              "        return",
              "    fi",
              '    case "$cmd" in']
    for name, sub in commands.items():
        opts = _options(sub)
        lines.append(f"        {name})")
        lines.append('            case "$prev" in')
        for o, takes, kind in opts:
            if takes:
                words = _words(kind)
                lines.append(f'                {"|".join(o)}) ' +
                             (f'COMPREPLY=($({words})); return ;;' if words else "return ;;"))
        lines.append("            esac")
        lines.append('            if [[ "$cur" == -* ]]; then')
        lines.append(f'                COMPREPLY=($(compgen -W "{" ".join(x for o, _, _ in opts for x in o)}" -- "$cur"))')
        words = _words(_positional(sub))
        if words:
            lines.append("            else")
            lines.append(f"                COMPREPLY=($({words}))")
        lines.append("            fi ;;")
    lines += ["    esac", "}", "complete -o filenames -F _examprep examprep", ""]
    return "\n".join(lines)


def zsh_script(parser, problem_ids):
    return ("# examprep completion (zsh); load with: eval \"$(examprep completion zsh)\"\n"
            "(( $+functions[compdef] )) || { autoload -U +X compinit && compinit }\n"
            "autoload -U +X bashcompinit && bashcompinit\n"
            + bash_script(parser, problem_ids).split("\n", 1)[1])


def main(args):
    import sys

    from examprep.cli_parser import build_parser
    from examprep.problem import catalog

    parser = build_parser()
    ids = list(catalog.load_all())
    script = bash_script(parser, ids) if args.shell == "bash" else zsh_script(parser, ids)
    sys.stdout.write(script)
    return 0
