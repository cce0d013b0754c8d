"""Two proven mutants' changes made at once (the a+b option of a 2x2 set, examprep.exam.code.square).

combine() merges changes at different places of a statement (an axis and a keepdims); combine_overlapping()
changes of one place that still make two mistakes (two reorderings of one argument list, a change inside the part
another keeps). Both give (statement text, option text), the option written in the reference's style; the
statement is what proof.grade_combined grades.
"""
import ast
import copy

from examprep.exam.code.blanks import node_at, option_text, statement

ANY = "*"               # a path's index for a whole list (several of its elements changed)


def _dump(node):
    return ast.dump(node) if isinstance(node, ast.AST) else repr(node)


def _one_edit(short, long):
    """The index of the one element of `long` whose removal leaves `short`, or None."""
    found = [i for i in range(len(long)) if list(map(_dump, long[:i] + long[i + 1:])) == list(map(_dump, short))]
    return found[0] if len(found) == 1 else None


def edit(a, b, path=()):
    """The one change that makes AST a into b, in a's coordinates: ("replace", path, node), ("delete", path to a
    list element) or ("insert", path to the new element's place, node). Unlike blanks.diff_path, an element
    dropped from or added to a list (a keyword: `keepdims=True`) is a change of that element only, not of the
    call, so that it is a place of its own beside a changed axis."""
    if type(a) is not type(b):
        return ("replace", path, b)
    diffs = []
    for name in a._fields:
        va, vb = getattr(a, name, None), getattr(b, name, None)
        if isinstance(va, list) and isinstance(vb, list):
            if len(va) == len(vb):
                diffs += [("same", name, i, x, y) for i, (x, y) in enumerate(zip(va, vb)) if _dump(x) != _dump(y)]
            elif abs(len(va) - len(vb)) == 1:
                i = _one_edit(vb, va) if len(va) > len(vb) else _one_edit(va, vb)
                if i is None:
                    return ("replace", path, b)
                diffs.append(("delete", name, i, None, None) if len(va) > len(vb) else ("insert", name, i, None, vb[i]))
            else:
                return ("replace", path, b)
        elif _dump(va) != _dump(vb):
            diffs.append(("same", name, None, va, vb))
    if len(diffs) > 1 and all(d[0] == "same" and d[1] == diffs[0][1] and d[2] is not None for d in diffs):
        # several elements of one list changed (`transpose(0, 3, 1, 2)` -> `transpose(3, 0, 1, 2)`): a change of
        # that list only, not of the call's function (`out.reshape(...)` stays another place)
        return ("field", path + ((diffs[0][1], ANY),), getattr(b, diffs[0][1]))
    if len(diffs) != 1:
        return ("replace", path, b)
    kind, name, i, x, y = diffs[0]
    if kind == "delete":
        return ("delete", path + ((name, i),))
    if kind == "insert":
        return ("insert", path + ((name, i),), y)
    if isinstance(x, ast.AST) and isinstance(y, ast.AST):
        return edit(x, y, path + ((name, i),))
    return ("replace", path, b)


def _place(change):
    """Where a change sits, for telling two changes apart (an insertion is a place between elements)."""
    if change[0] == "insert":
        field, i = change[1][-1]
        return change[1][:-1] + ((field, ("insert", i)),)
    return change[1]


def disjoint(p, q):
    """Whether two changed places (AST paths) are different places: neither contains the other (a whole list,
    (field, ANY), contains its elements)."""
    def same(x, y):
        return x[0] == y[0] and (x[1] == y[1] or ANY in (x[1], y[1]))
    return not all(same(x, y) for x, y in zip(p, q))


def _apply(tree, changes):
    """tree with the changes made (each in tree's coordinates, at different places): replacements first, then the
    list edits from the last index back, so that no edit moves another's element."""
    tree = copy.deepcopy(tree)
    for change in changes:
        if change[0] in ("replace", "field"):
            if not change[1]:
                return None
            parent, (field, index) = node_at(tree, change[1][:-1]), change[1][-1]
            new = copy.deepcopy(change[2])
            if index is None or index == ANY:
                setattr(parent, field, new)
            else:
                getattr(parent, field)[index] = new
    edits = sorted((c for c in changes if c[0] in ("delete", "insert")), key=lambda c: c[1][-1][1], reverse=True)
    for change in edits:
        parent, (field, index) = node_at(tree, change[1][:-1]), change[1][-1]
        if change[0] == "delete":
            del getattr(parent, field)[index]
        else:
            getattr(parent, field).insert(index, copy.deepcopy(change[2]))
    return tree


def _region(ref, fill):
    """(start, end, replacement) of the one stretch of ref that fill rewrites (common prefix and suffix kept)."""
    start = 0
    while start < min(len(ref), len(fill)) and ref[start] == fill[start]:
        start += 1
    end = 0
    while end < min(len(ref), len(fill)) - start and ref[-1 - end] == fill[-1 - end]:
        end += 1
    return start, len(ref) - end, fill[start:len(fill) - end]


def combine(text, span, a, b):
    """(statement text, option text) of the reference statement `text` with the changes of the proven mutants a
    and b (entry, fill) both made, or None when they change the same place or the texts cannot be merged so that
    the option parses to both changes. span: the blank's (start, end) in text; the fills are texts of it."""
    s0, s1 = span
    ref = text[s0:s1]
    (a0, a1, ra), (b0, b1, rb) = sorted([_region(ref, a[1]), _region(ref, b[1])])
    if a1 > b0 or (a1 == b0 and (a0 == a1 or b0 == b1)):   # the texts overlap: no AST work (the common case)
        return None
    original = statement(text)
    try:
        ca, cb = edit(original, statement(a[0]["text"])), edit(original, statement(b[0]["text"]))
    except SyntaxError:
        return None
    if not _place(ca) or not _place(cb) or not disjoint(_place(ca), _place(cb)):
        return None
    both = _apply(original, [ca, cb])
    if both is None:
        return None
    fill = ref[:a0] + ra + ref[a1:b0] + rb + ref[b1:]
    try:
        if ast.dump(statement(text[:s0] + fill + text[s1:])) != ast.dump(both):
            return None
    except SyntaxError:
        return None
    return ast.unparse(both), fill


def _permutation(old, new):
    """The index in `old` of each element of `new` when new reorders old's elements, else None. Equal elements
    (the 1s of `reshape(1, C_out, 1, 1)`) stay where they are when they can, else take the first place free: the
    reordering that moves the fewest elements."""
    dumps, wanted = [_dump(x) for x in old], [_dump(x) for x in new]
    if sorted(dumps) != sorted(wanted):
        return None
    order = [i if dumps[i] == w else None for i, w in enumerate(wanted)]
    free = [i for i in range(len(dumps)) if i not in order]
    for k, w in enumerate(wanted):
        if order[k] is None:
            order[k] = next(i for i in free if dumps[i] == w)
            free.remove(order[k])
    return order


def _subtrees(node, path=()):
    """(path, node) of every AST node under node (node itself included), paths as blanks.node_at reads them."""
    yield path, node
    for name in node._fields:
        value = getattr(node, name, None)
        for i, child in (enumerate(value) if isinstance(value, list) else [(None, value)]):
            if isinstance(child, ast.AST):
                yield from _subtrees(child, path + ((name, i),))


def _within(place, prefix):
    """Whether a changed place (an AST path) lies inside the node or list element at prefix."""
    return len(place) >= len(prefix) and place[:len(prefix)] == prefix


def _put(tree, path, value, field=None):
    """A copy of tree with the node at path (or its list `field`) replaced by value."""
    tree = copy.deepcopy(tree)
    if field is not None:
        setattr(node_at(tree, path), field, copy.deepcopy(value))
        return tree
    parent, (name, i) = node_at(tree, path[:-1]), path[-1]
    if i is None:
        setattr(parent, name, copy.deepcopy(value))
    else:
        getattr(parent, name)[i] = copy.deepcopy(value)
    return tree


def _kept_part(original, x, y, y_tree):
    """y's tree with both changes when x replaces a node by one of its own parts (the division dropped from
    `-np.sum(...) / batch_size`, a term dropped) and y changes only inside that part: y's text of the part put in
    the node's place. None otherwise."""
    if x[0] != "replace" or not x[1]:
        return None
    for inner, node in _subtrees(node_at(original, x[1])):
        if inner and _dump(node) == _dump(x[2]) and _within(_place(y), x[1] + inner):
            return _put(y_tree, x[1], node_at(y_tree, x[1] + inner))
    return None


def _reordered_list(original, x, y, y_tree):
    """y's tree with both changes when x reorders one list (a call's arguments, `(N, T, h, d)` made
    `(T, N, h, d)`) and y reorders that list too or changes inside one of its elements: x's reordering applied to
    y's list. None otherwise."""
    if x[0] != "field" or not x[1] or x[1][-1][1] != ANY:
        return None
    where, field = x[1][:-1], x[1][-1][0]
    order = _permutation(getattr(node_at(original, where), field), x[2])
    place = _place(y)
    same_list = y[0] == "field" and y[1] == x[1]
    in_element = (len(place) > len(where) and place[:len(where)] == where and place[len(where)][0] == field
                  and isinstance(place[len(where)][1], int))
    if order is None or not (same_list or in_element):
        return None
    items = getattr(node_at(y_tree, where), field)
    return _put(y_tree, where, [items[j] for j in order], field=field)


def combine_overlapping(text, where, a, b):
    """combine() for two changes of one place, where they still make two mistakes: [(statement text, option
    text)], each with both changes made. Two reorderings of one list (a call's arguments), composed either way
    (`(N, T, h, d)` made `(N, h, T, d)` and `(T, N, h, d)`: `(h, N, T, d)` or `(T, h, N, d)`), or a reordering
    and a change inside one of its elements (`np.dot(W_o.T, dout)` and `np.dot(dout, W_o)`: `np.dot(W_o, dout)`);
    or one change keeping a part of a node (`-np.sum(...)` of `-np.sum(...) / batch_size`) and the other changing
    inside that part (`np.sum(...)`). Other changes of one node (a sign flipped and the operands swapped) are not
    combined. The option is written like a proven mutant's (blanks.option_text) and must parse to the merge."""
    original = statement(text)
    try:
        trees = statement(a[0]["text"]), statement(b[0]["text"])
        changes = edit(original, trees[0]), edit(original, trees[1])
    except SyntaxError:
        return []
    seen = {ast.unparse(original), *map(ast.unparse, trees)}
    out = []
    for x, y in ((0, 1), (1, 0)):
        for merge in (_reordered_list, _kept_part):
            try:
                both = merge(original, changes[x], changes[y], trees[y])
            except (AttributeError, IndexError, TypeError):   # the trees differ in shape where one looks
                continue
            if both is None or ast.unparse(both) in seen or _bare_name(original, both):
                continue
            made = ast.unparse(both)
            seen.add(made)
            fill = option_text(text, where, made)
            if fill is not None:
                out.append((made, fill))
    return out


def _bare_name(original, both):
    """Whether a combination leaves a computed value a bare name (`dx = dout` for the sigmoid's backward, `dx =
    dx_q` for a sum of three gradients): nothing of the computation is left, ruled out on sight."""
    value, before = getattr(both, "value", None), getattr(original, "value", None)
    return isinstance(value, ast.Name) and not isinstance(before, ast.Name)
