"""The mock exam's code sets (examprep.exam.compose, step 2): a walk over the NumPy problems in a seeded order,
each problem's distractors proven when the walk reaches it (examprep.exam.code.lazy), a set planned from its
lines (examprep.exam.code.questions), a line that gives a blank away shown as `...` (hide_giveaways), and made again
without the lines it must still leave out (a repeat, a shown partner or value, a near-repeat:
examprep.exam.giveaways, examprep.exam.same_fact), taken whole or not at all.
"""
from examprep.exam.giveaways import (leaks, offers_a_line, partner_line_shown, shown_on_another_array,
                                    shows_asked_order, shows_earlier_answer, shows_earlier_statement,
                                    shows_order_elsewhere, shows_partner, shows_statement_elsewhere, squeeze)
from examprep.exam.line_forms import defined_names, full_line, one_statement, read_names, wrong_lines
from examprep.exam.same_fact import renamed_twins

SET_SIZES = (3, 3, 4)
LINES_AHEAD = 4                  # lines of a problem proven at a time (code_sets)
REMAKES = 3                      # times a code set is made again without the lines it must leave out
MAX_HIDDEN = 2                   # lines of a set's listing shown as `...` (hide_giveaways)
FIRST_ROUND_LEAST = 3            # questions (and lines to ask) a set needs in the walk's first round


def code_sets(problems, want, seed, rng, seen, asked, workers=2, on_progress=None):
    """Code sets from these problems, `want` questions if they have enough, none giving away another's answer.

    A problem's distractors are proven when the walk reaches it (read from the cache when proven before), the
    next few in the background, and of each only the lines code_set tries (examprep.exam.code.lazy), so a first,
    cold exam proves a few lines of about a dozen problems, not every line of all of them; the proofs not reached
    are stopped when the sets are made."""
    from examprep.exam.code.lazy import Proofs

    # The first LINES_AHEAD lines of a problem are proven before code_set asks: a set has at most max(SET_SIZES)
    # blanks, and a line without three fair distractors is skipped for the next.
    with Proofs(workers, on_progress, LINES_AHEAD) as proofs:
        return walk_code_sets(problems, proofs, max(1, workers) + 1, want, seed, rng, seen, asked)


def _lines_to_prove(seed):
    """plan(problem): the lines in the order code_set(problem, seed) tries them, but those whose partner the
    listing shows (lazy.Proofs proves the first few before code_set asks, the others when it reads them)."""
    from examprep.exam.code.questions import line_order

    return lambda problem: [c.index for c in line_order(problem, seed, partner_shown(problem))[1]]


_PARTNER_SHOWN = {}   # problem id -> frozenset of candidate lines


def partner_shown(problem):
    """The candidate lines that no set can ask, known before anything is proven: the line blanked whole, the
    listing shows its symmetric partner (partners.partner_line_shown, shows_partner's first rule: `y_max = y +
    stride * out_h` beside `x_max = x + stride * out_w`). Another blank on the partner line would not help: the two would ask
    one fact (same_fact.renamed_twins drops both), so _left_out would drop the line after proving it, and the walk
    prove the lines after it, one at a time (issue 16's export time). Once a process."""
    if problem.id not in _PARTNER_SHOWN:
        from examprep.exam.code.questions import listing_with
        from examprep.exam.model import marker
        from examprep.hole import holes
        from examprep.problem import source

        answer = source.reference_answer(problem)
        blank = marker("?")
        _PARTNER_SHOWN[problem.id] = frozenset(
            cand.index for cand in holes.candidates(problem)
            if partner_line_shown(cand.text, listing_with(answer, [(cand.start, cand.end, [cand.indent + blank])]),
                                  problem.id))
    return _PARTNER_SHOWN[problem.id]


def _shows_earlier(asked, listing, item=None):
    """Whether a listing shows an answer asked before, the argument order an earlier question's options change, or
    an earlier code question's statement up to names (leaks' checks of a listing against earlier sets)."""
    return shows_earlier_answer(asked, squeeze(listing)) or shows_asked_order(asked, listing) or \
        shows_earlier_statement(asked, listing, item)


def hidden_for_earlier(problem, asked):
    """The lines a set of this problem must show as `...` so that its listing shows nothing asked before
    (_shows_earlier): () when the listing shows nothing, the first candidate line whose hiding is enough (rnn_cell's
    `db = np.sum(dt, axis=0)` after gru_cell's `dbh` was asked), else the first pair, up to MAX_HIDDEN lines
    (group_norm's `self.gamma.reshape(1, C, 1, 1)` in forward and in backward after transposed_conv's bias shape
    was asked), else None: no set of the problem can be taken."""
    from itertools import combinations

    from examprep.exam.code.questions import HIDDEN, listing_with, plain_listing
    from examprep.hole import holes
    from examprep.problem import source

    item = getattr(problem, "item", None)
    if not _shows_earlier(asked, plain_listing(problem), item):
        return ()
    answer = source.reference_answer(problem)
    # only lines that show something asked before on their own can take it away when hidden
    showing = [cand for cand in holes.candidates(problem) if _shows_earlier(asked, cand.indent + cand.text + "\n", item)]
    for size in range(1, MAX_HIDDEN + 1):
        for cands in combinations(showing, size):
            if any(a.end >= b.start for a, b in zip(cands, cands[1:])):
                continue   # overlapping lines (candidates come in source order)
            listing = listing_with(answer, [(c.start, c.end, [c.indent + HIDDEN]) for c in cands])
            if not _shows_earlier(asked, listing, item):
                return tuple(c.index for c in cands)
    return None


def _may_give_a_set(problem, asked, seen, used=(), least=1):
    """Whether a problem is worth proving for a code set (_set_hiding)."""
    return _set_hiding(problem, asked, seen, used, least) is not None


def _set_hiding(problem, asked, seen, used=(), least=1):
    """The lines a set of the problem must hide (hidden_for_earlier), or None when it is not worth proving for a
    code set (_walk_code_sets): its concept is asked by another source or it is behind MAX_PER_SOURCE questions
    (seen.fits would reject every question of it), no line of it that is neither used before nor hidden has a
    mutant worth grading and a partner the listing does not show (partner_shown) (fewer than `least` such lines: the
    walk's first round wants sets of two or more), or its listing shows an answer
    asked before (or the argument order an earlier question's options change) that no hidden line takes away."""
    from examprep.exam.code.proof import has_live_lines

    if seen.exhausted(problem.id):
        return None
    hidden = hidden_for_earlier(problem, asked)
    if hidden is None or not has_live_lines(problem, partner_shown(problem) | set(used) | set(hidden), least):
        return None
    return hidden


def _given_away(qs):
    """The blanks of a set that its own listing gives away (what _left_out and leaks check in the listing itself:
    a blank's partner, inverse, complement or value shown)."""
    code = (qs[0].code or "") if qs else ""
    listing = squeeze(code)
    return {q.blank["candidate"] for q in qs if shows_partner(q, code) or shown_on_another_array(q, listing)}


def _left_out(qs, seen, asked=()):
    """The lines of a set to make it again without: a question that does not fit (a repeat, a source or concept
    over its limit), whose listing gives it away (_given_away), whose argument order an earlier set's listing
    shows, whose statement an earlier listing shows up to names, or a near-repeat of another in it."""
    return {q.blank["candidate"] for q in qs
            if not seen.fits(q) or shows_order_elsewhere(q, asked) or shows_statement_elsewhere(q, asked)} | \
        _given_away(qs) | renamed_twins(qs)


def _reads_hidden_name(problem, qs, hidden):
    """The blanks of a set whose line reads a name that only the set's hidden lines assign: the learner cannot
    tell what it holds (the tenth examination, seed 12 Q42: group_norm's `dmu = np.sum(dxc, axis=2,
    keepdims=True)` shown as `...` above the blank `dx = dxc - dmu / M`; read as dL/dmu = -sum(dxc), the option
    `dxc + dmu / M` is the right one)."""
    import ast

    from examprep.exam.code.questions import listing_with
    from examprep.hole import holes
    from examprep.problem import source

    if not hidden or not qs:
        return set()
    cands = {c.index: c for c in holes.candidates(problem)}
    assigned = set().union(*(defined_names(one_statement(cands[i].text)) for i in hidden))
    if not assigned:
        return set()
    visible = listing_with(source.reference_answer(problem),
                           [(cands[i].start, cands[i].end, [cands[i].indent + "pass"]) for i in hidden])
    try:
        only_hidden = assigned - defined_names(ast.parse(visible))
    except SyntaxError:
        return set()
    return {q.blank["candidate"] for q in qs
            if only_hidden & set().union(*(read_names(one_statement(line))
                                           for line in (full_line(q, q.answer),) + wrong_lines(q)))}


def _offers_hidden(qs, hidden_texts):
    """Whether a wrong option makes its blank's line a hidden line (up to spaces, or the same value): with that
    line out of sight, the blank and the hidden line could be told apart only by where they stand."""
    return any(offers_a_line(wrong_lines(q), hidden_texts, least=0)
               for q in qs)


def hide_giveaways(problem, planned, qs, hidden=()):
    """(questions, hidden lines): the set with up to MAX_HIDDEN lines of its listing shown as `...`, each hidden
    because it gives a blank away (_given_away: Adam's `m` line beside the blank `v`, a forward beside the blank
    of its inverse in backward), the lines nearest the blanks tried first; the set as it is when its listing gives
    nothing away or no line's hiding helps. Issue 16 allows a blank's partner "blanked with it or not shown":
    hiding keeps the set where leaving the blank out (_left_out) would cost it. A line is not hidden when a wrong
    option would then be that line (the learner could not tell the two apart), nor when a blank would read a name
    only that line assigns (_reads_hidden_name), nor when it is blanked. `hidden`:
    lines the set hides already (hidden_for_earlier), counted in MAX_HIDDEN."""
    from examprep.exam.code.questions import set_questions
    from examprep.hole import holes

    flagged = _given_away(qs)
    if not flagged or planned is None:
        return qs, tuple(hidden)
    blanks = {q.blank["candidate"]: q.blank for q in qs}
    lines = [c for c in holes.candidates(problem) if c.index not in blanks]
    rows = [b["start"] for b in blanks.values() if b["candidate"] in flagged]
    lines.sort(key=lambda c: (min(abs(c.start - r) for r in rows), c.start))
    hidden = list(hidden)
    while flagged and len(hidden) < MAX_HIDDEN:
        for cand in lines:
            if cand.index in hidden:
                continue
            trial = set_questions(problem, planned, central=False, hidden=hidden + [cand.index])
            # hiding a line shows no more than before: only the blanks given away so far are checked again
            left = _given_away([q for q in trial if q.blank["candidate"] in flagged])
            if len(left) < len(flagged) and not _offers_hidden(trial, [c.text for c in lines
                                                                      if c.index in hidden + [cand.index]]) \
                    and not _reads_hidden_name(problem, trial, hidden + [cand.index]):
                hidden, qs, flagged = hidden + [cand.index], trial, left
                break
        else:
            break
    return qs, tuple(hidden)


def _without_centre(plain, central, drop, asked, seen):
    """The set taken: `central` (the same blanks with distractors that do not make the key the option closest to
    the others, examprep.exam.code.square; made only for a set the walk takes, as its 2x2 combinations are graded)
    if it passes every check `plain` passed, else `plain`."""
    if [q.blank["candidate"] for q in central] != [q.blank["candidate"] for q in plain]:
        return plain
    if _left_out(central, seen, asked) - drop or leaks(asked, central) or not all(seen.fits(q) for q in central) \
            or renamed_twins(central):
        return plain
    return central


def walk_code_sets(problems, proofs, ahead, want, seed, rng, seen, asked):
    """code_sets' walk: the problems in a seeded order, each proven (proofs.get) when reached, the next `ahead`
    started; a problem whose reference fails its own grading is skipped."""
    from examprep.exam.code.questions import plan_set, set_questions

    sets, used, total, hidings = [], {}, 0, {}
    usable = list(problems)
    for rounds in range(4):
        rng.shuffle(usable)
        progressed = False
        for k, problem in enumerate(usable):
            if total >= want:
                return sets
            plan = _lines_to_prove(seed * 100 + rounds)
            # Not proven, as it gives no set: a problem no line of which has a mutant worth grading (code_set
            # would find no line), or whose listing shows an answer asked before (leaks would reject the set
            # unless that very line were blanked, and then it would ask that answer again). The generator is
            # drawn from as when it is proven.
            least = FIRST_ROUND_LEAST if rounds == 0 else 1   # the first round takes no set of one (below)

            def hiding(p):
                # what a problem must hide changes only when a set is taken (asked, seen and used grow together):
                # worked out once a problem between two sets, not once for each place it has in the window ahead
                key = (p.id, len(asked), least)
                if key not in hidings:
                    hidings[key] = _set_hiding(p, asked, seen, used.get(p.id, ()), least)
                return hidings[key]

            proofs.ahead([p for p in usable[k:k + ahead] if hiding(p) is not None], plan)
            pre = hiding(problem)
            worth = pre is not None
            proof = proofs.get(problem, plan) if worth else {"reference_passed": True}
            if not proof.get("reference_passed"):
                continue
            needed = -(-(want - total) // max(1, len(usable) - k)) if rounds == 0 else 1
            size = min(max(rng.choice(SET_SIZES), needed), max(SET_SIZES), want - total)
            if size < min(SET_SIZES) and total:   # no sets of one or two: knowledge questions fill up
                return sets
            if not worth:
                continue
            # A set is taken whole: cutting a question that repeats another would leave its blank in the listing
            # with no question asking it. The set is made again without those lines (and without a line whose
            # value or partner the listing shows elsewhere), until none is left out, rather than another problem
            # proven for it: the lines are tried in the same order (line_order), so most are proven already.
            excluded = set(used.setdefault(problem.id, set())) | partner_shown(problem) | set(pre)
            for _ in range(REMAKES + 1):
                planned = plan_set(problem, seed * 100 + rounds, size, proof, exclude=excluded)
                qs, hidden = hide_giveaways(problem, planned,
                                            set_questions(problem, planned, central=False, hidden=pre), pre)
                drop = _left_out(qs, seen, asked) | _reads_hidden_name(problem, qs, hidden)
                if not drop:
                    break
                excluded |= drop
            if not qs or leaks(asked, qs) or not all(seen.fits(q) for q in qs) or renamed_twins(qs):
                continue
            if len(qs) < least:   # the first round takes no set of one; the next may
                continue
            qs = _without_centre(qs, set_questions(problem, planned, hidden=hidden), drop, asked, seen)
            qs = seen.take(qs)
            if qs:
                used[problem.id].update(q.blank["candidate"] for q in qs)
                sets.append(qs)
                asked += qs
                total += len(qs)
                progressed = True
        if not progressed and rounds:   # the second round takes the sets of one the first passed over
            break
    return sets
