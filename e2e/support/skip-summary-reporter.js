// A jest reporter: at the end of a run, the tests skipped for want of a service, counted by what they need, with their
// files. Tests say why in their title ("[skipped: needs Redis]": subgraphs/kit/src/testing/test-services.ts writes it);
// the choice of services itself is printed first, by the preflight in jest's global setup.
const { relative } = require('node:path');

class SkipSummaryReporter {
  onRunComplete(_contexts, results) {
    /** what is needed → file → how many of its tests */
    const needs = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status !== 'pending') continue;
        const reason = /\[skipped: ([^\]]+)\]/.exec([...test.ancestorTitles, test.title].join(' '))?.[1];
        if (!reason) continue;
        const need = reason.split(':')[0];
        const files = needs.get(need) ?? new Map();
        const path = relative(process.cwd(), file.testFilePath);
        files.set(path, (files.get(path) ?? 0) + 1);
        needs.set(need, files);
      }
    }
    if (!needs.size) return;
    const lines = ['', 'Skipped for want of a service (see the first lines of the run):'];
    for (const [need, files] of needs) {
      const total = [...files.values()].reduce((sum, n) => sum + n, 0);
      lines.push(`  ${need}: ${total} test${total === 1 ? '' : 's'}`);
      for (const [path, count] of files) lines.push(`    ${path} (${count})`);
    }
    process.stderr.write(`${lines.join('\n')}\n\n`);
  }
}

module.exports = SkipSummaryReporter;
