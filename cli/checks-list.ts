import { FRAMEWORKS, findFramework } from '../checks/frameworks/index';
import { ALL_CHECKS } from '../checks/index';
import { responsibilityOf } from '../checks/responsibility/index';
import { Provider } from '../core/provider';
import { commandLine } from './args';
import { catalogOrder, formatCatalog, formatFramework } from './catalog-table';
import { type Command, EXIT, UsageError } from './command';
import { comparisonLines, frameworkDetail } from './framework-detail';

const USAGE = `Usage:
  mk8s-audit checks [--provider <eks|gke|aks>] [--json]
  mk8s-audit checks --framework <id> [--json]

Lists the checks: id, provider, severity, family, CIS ids and title.

  --provider <p>      Only the checks of one provider.
  --json              Every check's metadata as JSON (risk, remediation, frameworks, API reads,
                      and the shared-responsibility split of its family on its cloud).
  --framework <id>    A framework's requirements with the checks that cover each, and which are
                      manual-only. Frameworks: ${FRAMEWORKS.map((f) => f.id).join(', ')}.
                      With --json: each check's rationale for the requirement and the published
                      mappings (Security Hub, Prowler) ours was compared with.`;

export const checksCommand: Command = {
  name: 'checks',
  summary: 'List the check catalog, or a framework with the checks covering each requirement',
  async run(argv) {
    const args = commandLine(argv, USAGE, {
      provider: { type: 'string' },
      framework: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (args === undefined) return EXIT.ok;
    const { values } = args;
    let checks = [...ALL_CHECKS];
    if (values.provider !== undefined) {
      const provider = Provider.safeParse(values.provider);
      if (!provider.success) {
        throw new UsageError(
          `--provider ${values.provider}: not a provider (${Provider.options.join(', ')})`,
        );
      }
      checks = checks.filter((c) => c.meta.provider === provider.data);
    }
    if (values.framework !== undefined) {
      const framework = findFramework(values.framework);
      if (framework === undefined) {
        throw new UsageError(
          `--framework ${values.framework}: unknown framework (known: ${FRAMEWORKS.map((f) => f.id).join(', ')})`,
        );
      }
      if (values.json) {
        process.stdout.write(`${JSON.stringify(frameworkDetail(framework, checks), null, 2)}\n`);
        return EXIT.ok;
      }
      const comparisons = comparisonLines(framework.id).join('\n');
      process.stdout.write(`${formatFramework(framework, checks)}${comparisons}\n`);
      return EXIT.ok;
    }
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify(
          catalogOrder(checks).map((c) => ({
            ...c.meta,
            responsibility: responsibilityOf(c.meta.family, c.meta.provider),
          })),
          null,
          2,
        )}\n`,
      );
      return EXIT.ok;
    }
    process.stdout.write(`${formatCatalog(checks)}\n`);
    return EXIT.ok;
  },
};
