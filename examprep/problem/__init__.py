"""Problems as data: the YAML catalog, seeded case generation, the syllabus, the reference source of targets."""
