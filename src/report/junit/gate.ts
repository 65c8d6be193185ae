/**
 * `nines check --format junit`: JUnit XML for GitLab, Jenkins and CircleCI test reports. One
 * testcase per target; a missed error-level target is a <failure>, an inconclusive one an
 * <error>, a warning passes with the message in <system-out>.
 */
import { formatThreshold } from '../../gate/index.js';
import { actualText, sourceText, type CheckView } from '../text/gate.js';
import { escapeXml } from './xml.js';

/**
 * The JUnit XML document (testsuites › testsuite › testcase).
 * @example renderCheckJunit(view).startsWith('<?xml') // true
 */
export function renderCheckJunit(view: CheckView): string {
  const { records, summary } = view.result;
  const a = (text: string | number): string => escapeXml(String(text));
  const suite = `nines check ${view.modelName}`;
  const cases = records.map((r) => {
    const file = 'flag' in r.source ? '' : ` file="${a(r.source.file)}" line="${r.source.line}"`;
    const head = `    <testcase classname="${a(`nines.${view.modelName}`)}" name="${a(`${r.id} ${formatThreshold(r)}`)}"${file}`;
    const detail = `actual: ${actualText(r)}\nthreshold: ${formatThreshold(r)}\nlevel: ${r.level}\nsource: ${sourceText(r.source)}`;
    switch (r.status) {
      case 'pass':
        return `${head}/>`;
      case 'fail':
        return `${head}>\n      <failure message="${a(r.message)}" type="target-missed">${a(detail)}</failure>\n    </testcase>`;
      case 'inconclusive':
        return `${head}>\n      <error message="${a(r.message)}" type="inconclusive">${a(detail)}</error>\n    </testcase>`;
      case 'warn':
        return `${head}>\n      <system-out>${a(`warning: ${r.message}`)}</system-out>\n    </testcase>`;
      default: {
        const never: never = r.status;
        throw new Error(`unknown status ${String(never)}`);
      }
    }
  });
  const counts = `tests="${summary.total}" failures="${summary.failed}" errors="${summary.inconclusive}" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="nines check" ${counts}>`,
    `  <testsuite name="${a(suite)}" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
