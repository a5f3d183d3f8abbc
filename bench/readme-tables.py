#!/usr/bin/env python3
"""Puts a `jhpc bench` result set's tables and charts into the README's speed section.

usage: bench/readme-tables.py bench/results/<set> [README.md]

Replaces what lies between the lines `<!-- bench-tables: begin -->` and `<!-- bench-tables: end -->` with: where
the set came from (its provenance lines: git, CPU, cores, JDK, compilers, load), the main-case table of diff2d and of
auc exactly as bench.md has them, and the charts, embedded from the set's own directory (rows, sizes, scaling; the
scaling model's chart when model.md is there). Nothing is measured or computed here: the tables are bench.md's.
The README is rewritten whole through a temporary file and a rename.
"""
import os
import re
import sys

BEGIN, END = '<!-- bench-tables: begin -->', '<!-- bench-tables: end -->'


def sections(md):
    """bench.md split at its '## workload' headings: name -> lines."""
    out, cur = {}, None
    for line in md.splitlines():
        m = re.match(r'^## (\S+)$', line)
        if m:
            cur = m.group(1)
            out[cur] = []
        elif cur is not None:
            out[cur].append(line)
    return out


def main_table(lines):
    """The first '### case' heading of a workload and the table under it."""
    for i, line in enumerate(lines):
        if line.startswith('### '):
            table = []
            for t in lines[i + 1:]:
                if t.startswith('|'):
                    table.append(t)
                elif table:
                    break
            return line[4:], table
    return None, []


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit('usage: bench/readme-tables.py bench/results/<set> [README.md]')
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    readme = argv[2] if len(argv) == 3 else os.path.join(root, 'README.md')
    rel = os.path.relpath(os.path.abspath(argv[1]), os.path.dirname(os.path.abspath(readme)))
    try:
        md = open(os.path.join(argv[1], 'bench.md'), encoding='utf-8').read()
        text = open(readme, encoding='utf-8').read()
    except OSError as e:
        sys.exit('readme-tables: error: ' + str(e))
    if BEGIN not in text or END not in text:
        sys.exit('readme-tables: error: ' + readme + ' has no ' + BEGIN + ' ... ' + END + ' lines')
    prov = dict(re.findall(r'^- (\w[\w+]*): `(.*)`$', md, re.M))
    secs = sections(md)
    tables = {w: main_table(secs[w]) for w in ('diff2d', 'auc') if w in secs}
    loads = [float(m.group(1)) for _, t in tables.values() for line in t[2:]
             for m in [re.search(r'\| ([0-9.]+)(?: ⚠)? \|$', line)] if m]
    body = ['', '', 'From [`%s/`](%s/bench.md): `%s`, git `%s`, %s, %s cores, %s; g++ %s; gfortran %s; numpy %s, '
            'numexpr %s, numba %s; 1-minute load %s before the rows of these two tables (⚠: at least half the cores busy).' % (
                rel, rel, prov.get('command', '?'), prov.get('git_sha', '?')[:7], prov.get('cpu', '?'),
                prov.get('cores', '?'), prov.get('jdk', '?').split(' (')[0],
                prov.get('g++', '?').split(' ')[-1], prov.get('gfortran', '?').split(' ')[-1],
                prov.get('numpy', '–'), prov.get('numexpr', '–'), prov.get('numba', '–'),
                '%.1f–%.1f' % (min(loads), max(loads)) if loads else '?'), '']
    for w, (case, table) in tables.items():
        body += ['%s, %s:' % (w, case), ''] + table + ['']
    charts = []
    for w in ('diff2d', 'auc', 'expr', 'mpi'):
        for kind in ('rows', 'sizes', 'scaling'):
            f = '%s-%s.png' % (w, kind)
            if os.path.isfile(os.path.join(argv[1], f)):
                charts.append('![%s %s](%s/%s)' % (w, kind, rel, f))
    if os.path.isfile(os.path.join(argv[1], 'model-scaling.png')):
        charts.append('![scaling model](%s/model-scaling.png)' % rel)
    body += charts + ['']
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = head + BEGIN + '\n'.join(body) + '\n' + END + tail
    tmp = readme + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(new)
    os.replace(tmp, readme)
    print(readme)


if __name__ == '__main__':
    main(sys.argv)
