"""Drill definitions: one YAML file per problem (see README.md in this folder)."""
