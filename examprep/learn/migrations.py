"""The progress store's schema: MIGRATIONS[i] upgrades a database from version i to version i + 1.

examprep.learn.progress.Store applies them in order (PRAGMA user_version), after a backup copy of the file;
nothing is ever dropped or reset. Each is split on ";" (no ";" in comments).
"""

MIGRATIONS = [
    """
    CREATE TABLE attempts (
        id TEXT PRIMARY KEY,             -- uuid4: stable across export / import
        problem TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('drill', 'practice', 'check', 'exam')),
        level TEXT,                      -- easy / normal / hard / full, NULL for a whole file
        blanks INTEGER,                  -- number of blanks, NULL for a whole file
        seed INTEGER,
        passed INTEGER NOT NULL,         -- 1 when the whole answer passed
        unfinished INTEGER NOT NULL DEFAULT 0,  -- time ran out before the answer was complete
        blank_results TEXT NOT NULL DEFAULT '[]',  -- JSON [{label, passed, tries, hints, revealed, reference}]
        failure_check TEXT,              -- the failing check ('shape', 'values' ...), NULL when passed
        answer TEXT,                     -- the learner's text as graded
        hints INTEGER NOT NULL DEFAULT 0,
        reveals INTEGER NOT NULL DEFAULT 0,
        seconds REAL,                    -- time taken on the question
        session_id TEXT,                 -- the practice session or exam it belongs to
        created_at TEXT NOT NULL         -- ISO 8601, UTC
    );
    CREATE INDEX attempts_problem ON attempts (problem, created_at);
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,              -- 'practice' (later: 'exam')
        started_at TEXT NOT NULL,
        ended_at TEXT,
        planned_minutes REAL,
        summary TEXT NOT NULL DEFAULT '{}'   -- JSON
    );
    """,
    # v2: the answers of mock exams (the exam itself is a sessions row of kind 'exam', its result in summary)
    """
    CREATE TABLE exam_answers (
        id TEXT PRIMARY KEY,             -- '<session id>:<question id>'
        session_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        kind TEXT NOT NULL,              -- code_choice / code_free / calc
        problem TEXT,                    -- code questions: the problem id
        template TEXT,                   -- calc questions: the template id
        area TEXT NOT NULL,              -- syllabus area '1'..'5'
        item TEXT,
        answer TEXT,                     -- the option's text or the typed fill, as given (NULL when unanswered)
        correct INTEGER NOT NULL,
        flagged INTEGER NOT NULL DEFAULT 0,
        seconds REAL,                    -- time spent on the question
        diagnosis TEXT,                  -- JSON {check, ja, en}: why the answer given is wrong
        created_at TEXT NOT NULL
    );
    CREATE INDEX exam_answers_session ON exam_answers (session_id);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
