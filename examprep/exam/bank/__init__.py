"""The knowledge question bank: YAML data, one folder per syllabus area (read by examprep.exam.knowledge)."""
