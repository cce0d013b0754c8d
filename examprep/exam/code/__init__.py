"""Code questions for the mock exam: a blank in the reference, four options, every distractor proven wrong.

How a question is made (all from the reference's own source, nothing written by hand):

1. Lines: the problem's load-bearing statements (those whose removal the grader rejects, as
   in holes.load_bearing), pinned lines first, in a seeded order.
2. Candidate distractors: every mutant of those statements (examprep.hole.mutants: wrong axis,
   keepdims or transpose dropped, flipped sign, sum vs mean, max vs argmax, off by one ...).
3. Proof: the reference, each candidate line removed (the load-bearing proof) and all
   mutants of all candidate lines of a problem are graded in ONE sandbox.grade_variants
   call (problems run two at a time). A mutant is kept as a
   distractor only if the grader rejects it with a fair verdict: not if it passes, not if
   the grader could not run it (internal, timeout, crash, exit, memory), and not if it
   fails with an error a reader spots at a glance (NameError, a syntax error). Kept
   mutants carry the grader's diagnosis. The results are cached per problem (reference
   text, cases, examprep version and the source of the candidate, mutation and grading
   code) under cache_dir()/exam/<id>-<key>.json, one entry list per line; a run in which
   the grader failed on its own account (internal) is not cached.
4. The blank: the whole statement, or an exam-style sub-expression of it (the value after
   `=`, the `x - np.max(...)`, the `np.sqrt(h) + 1e-7`, a call with its axis ...). A
   mutant belongs to a sub-expression's blank when everything it changes lies inside it;
   its option text is the reference's own text of that sub-expression with only the
   changed node rewritten (so the options share the reference's style and the key does
   not stand out), and it is kept only if the statement with that text spliced in parses
   to exactly the verified mutant.
5. Options: the reference's text and three distractors with different texts and different
   grader verdicts (two distractors whose failure is identical in check, stage, case,
   what and numbers are taken to behave the same: only one is used), preferring different
   mutation operators; shuffled by seed. A line without three such distractors is skipped
   for the next one.

Questions of one problem form a set: one listing (docstrings removed, they would give the
answers away) with every blank of the set marked ＿＿(あ)＿＿, ＿＿(い)＿＿ ..., one question
per blank; each blank is graded with the reference in the other blanks.

Modules: proof (the sandbox proof of every mutant, cached per problem), blanks (which sub-expression a mutant's
change lies in, and its option text in the reference's style), distractors (the three fair distractors of a blank;
its rules by kind in operand_rules, argument_rules, slice_rules, shape_rules), questions (code_set / free_form: the
listing and the questions of a set), fills (a typed or chosen fill as an answer file, graded by the sandbox).
"""
