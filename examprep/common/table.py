"""One table layout for the terminal: a rich table that fits the width, figures never wrapped, optional columns
dropped first when it is narrow (used by `examprep next`, `report`, `list` and the drill and practice summaries)."""

FLEX_WIDTH = 16   # a flexible column (a title) may wrap down to this width


def _plain_width(text):
    from rich.cells import cell_len
    from rich.text import Text

    return cell_len(Text.from_markup(str(text)).plain)


def _min_width(header, rows, i, flex=()):
    """Wide enough for every cell and the header of the column (a flexible one wraps: FLEX_WIDTH and the
    header's longest word)."""
    cells = max((_plain_width(r[i]) for r in rows), default=0)
    if i in flex:
        return max(max((_plain_width(w) for w in str(header[i]).split()), default=0), min(cells, FLEX_WIDTH))
    return max(_plain_width(header[i]), cells)


def fit_columns(header, rows, width, optional=(), flex=()):
    """The columns to show: all, less the optional ones (in that order) while they do not fit in width."""
    keep = list(range(len(header)))
    for drop in optional:
        need = sum(_min_width(header, rows, i, flex) for i in keep) + 2 * len(keep)
        if need <= width:
            break
        keep.remove(drop)
    return keep


def print_table(con, title, header, rows, right=(), optional=(), flex=(), style=None, dim=()):
    """A rich table that fits the terminal: figures never wrap, optional columns go first when it is narrow.

    right: columns aligned right (figures); optional: columns to drop, in that order, while the table is too wide;
    flex: columns that may wrap (titles); style: of the whole table; dim: columns shown dim. A first column headed
    "ID" is bold cyan. Cells are rich markup."""
    from rich import box
    from rich.table import Table

    keep = fit_columns(header, rows, con.width, optional, flex)
    table = Table(title=f"[bold]{title}[/bold]", title_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
                  pad_edge=False, padding=(0, 1, 0, 0), style=style)
    for i in keep:
        table.add_column(header[i], justify="right" if i in right else "left",
                         style="bold cyan" if i == 0 and header[i] == "ID" else "dim" if i in dim else style,
                         min_width=_min_width(header, rows, i, flex), no_wrap=i not in flex,
                         overflow="fold")     # too narrow still: fold onto the next line, never cut with "…"
    for row in rows:
        table.add_row(*[row[i] for i in keep])
    con.print(table)
    con.print()
