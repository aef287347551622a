#!/usr/bin/env python3
"""Mutation sites of the comparison operators in C++ sources, for scripts/mutants.sh.

  sites.py list FILE...                     one line per mutant, tab-separated: file, line, column, operator,
                                            replacement, occurrence (the n-th line of the file with this text), site
                                            (the n-th operator on the line), line text (trimmed)
  sites.py apply SOURCE TARGET LINE COLUMN OPERATOR REPLACEMENT
                                            writes SOURCE with that one operator replaced to TARGET
  sites.py allow FILE                       the allow-list as tab-separated key (file|occurrence|site|line text)
                                            and reason; an entry is "file | occurrence | site | line text | why",
                                            the reason being what follows the last " | "
  sites.py sync FROM TO DIR...              copies each DIR from FROM to TO, only files whose bytes differ (so an
                                            unchanged file keeps its time stamp and is not rebuilt)

A comparison operator is <, <=, >, >=, == or != in code (not in a comment, a string or a character literal, not on a
preprocessor line), written with white space on both sides as clang-format writes every binary operator. That rules
out template brackets (std::vector<int>, static_cast<int>(x)), ->, << and >> without parsing C++.
"""
import filecmp
import os
import shutil
import sys

REPLACEMENT = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "=="}
# Longest first, so "<=" is not read as "<" and "<<" or "->" are skipped whole.
TOKENS = ["<<=", ">>=", "<=>", "<<", ">>", "->", "<=", ">=", "==", "!=", "<", ">"]


def code_mask(text):
    """A list of booleans: True where the character is code (not a comment, literal or preprocessor line)."""
    mask = [True] * len(text)
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c in " \t":
            i += 1
            continue
        if at_line_start and c == "#":
            # A preprocessor line (with its continuations) is never mutated: #include <...>, #if A > B.
            j = i
            while j < n and not (text[j] == "\n" and text[j - 1] != "\\"):
                j += 1
            for k in range(i, j):
                mask[k] = False
            i = j
            continue
        at_line_start = c == "\n"
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            for k in range(i, j):
                mask[k] = False
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                mask[k] = False
            i = j
        elif c == "R" and text.startswith('"', i + 1) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            open_paren = text.find("(", i + 2)
            delimiter = text[i + 2:open_paren]
            j = text.find(")" + delimiter + '"', open_paren)
            j = n if j < 0 else j + len(delimiter) + 2
            for k in range(i, j):
                mask[k] = False
            i = j
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isdigit() and i + 1 < n and text[i + 1].isdigit():
                i += 1  # a digit separator: 500'000
                continue
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            for k in range(i, j):
                mask[k] = False
            i = j
        else:
            i += 1
    return mask


def sites(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    mask = code_mask(text)
    lines = text.split("\n")
    line_starts = []
    offset = 0
    for line in lines:
        line_starts.append(offset)
        offset += len(line) + 1
    found = []
    i, n = 0, len(text)
    line_number = 0
    while i < n:
        while line_number + 1 < len(line_starts) and line_starts[line_number + 1] <= i:
            line_number += 1
        if not mask[i] or text[i] not in "<>=!-":
            i += 1
            continue
        token = next((t for t in TOKENS + ["==", "!="] if text.startswith(t, i)), None)
        if token is None:
            i += 1
            continue
        end = i + len(token)
        if token in REPLACEMENT:
            before = text[i - 1] if i > 0 else "\n"
            after = text[end] if end < n else "\n"
            if before in " \t\n" and after in " \t\n" and not text[:i].rstrip().endswith("operator"):
                column = i - line_starts[line_number]
                found.append((line_number + 1, column + 1, token, REPLACEMENT[token], lines[line_number].strip()))
        i = end
    return found


def main(argv):
    if len(argv) >= 2 and argv[1] == "list":
        for path in argv[2:]:
            # Occurrence and site name a mutant without a line number, so the allow-list survives edits elsewhere.
            lines_with_text = {}  # line text -> the numbers of the lines (holding a site) with that text
            sites_on_line = {}
            for line, column, token, replacement, line_text in sites(path):
                seen = lines_with_text.setdefault(line_text, [])
                if line not in seen:
                    seen.append(line)
                sites_on_line[line] = sites_on_line.get(line, 0) + 1
                occurrence = seen.index(line) + 1
                print(f"{path}\t{line}\t{column}\t{token}\t{replacement}\t{occurrence}\t{sites_on_line[line]}\t"
                      f"{line_text}")
        return 0
    if len(argv) == 8 and argv[1] == "apply":
        source, target, line, column, token, replacement = argv[2:]
        with open(source, encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        row, start = int(line) - 1, int(column) - 1
        if lines[row][start:start + len(token)] != token:
            print(f"sites.py: {source}:{line}:{column} does not hold {token}", file=sys.stderr)
            return 2
        lines[row] = lines[row][:start] + replacement + lines[row][start + len(token):]
        with open(target, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines))
        return 0
    if len(argv) == 3 and argv[1] == "allow":
        with open(argv[2], encoding="utf-8") as handle:
            for number, entry in enumerate(handle, 1):
                entry = entry.strip()
                if not entry or entry.startswith("#"):
                    continue
                head = entry.split(" | ", 3)
                if len(head) != 4 or " | " not in head[3]:
                    print(f"sites.py: {argv[2]}:{number}: expected file | occurrence | site | line text | why",
                          file=sys.stderr)
                    return 2
                text, reason = head[3].rsplit(" | ", 1)
                print(f"{head[0].strip()}|{head[1].strip()}|{head[2].strip()}|{text.strip()}\t{reason.strip()}")
        return 0
    if len(argv) >= 4 and argv[1] == "sync":
        source_root, target_root = argv[2], argv[3]
        for directory in argv[4:]:
            wanted = set()
            for root, _, files in os.walk(os.path.join(source_root, directory)):
                for name in files:
                    relative = os.path.relpath(os.path.join(root, name), source_root)
                    wanted.add(relative)
                    source, target = os.path.join(source_root, relative), os.path.join(target_root, relative)
                    if not os.path.exists(target) or not filecmp.cmp(source, target, shallow=False):
                        os.makedirs(os.path.dirname(target), exist_ok=True)
                        shutil.copyfile(source, target)
            for root, _, files in os.walk(os.path.join(target_root, directory)):
                for name in files:
                    relative = os.path.relpath(os.path.join(root, name), target_root)
                    if relative not in wanted:
                        os.remove(os.path.join(target_root, relative))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
