/*
 * wrap.h — text for a terminal, wrapped between words: what `reach
 * actions` and the report's plan section write in their text formats.
 */
#ifndef REACH_WRAP_H
#define REACH_WRAP_H

#include <stdio.h>

/* The columns a wrapped line may fill. */
#define WRAP_WIDTH 79

/* A space that wrapping does not break at; written as a space. */
#define WRAP_NO_BREAK '\x01'

/*
 * Writes TEXT from column COLUMN (what the line already holds), wrapped at
 * WRAP_WIDTH between words (a word too long for a line has one to itself),
 * later lines indented by INDENT; ends the line. Never fails.
 */
void wrap_line(FILE *out, const char *text, int column, int indent);

#endif
