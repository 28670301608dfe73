/*
 * A valid catalog of many extra codes in the shapes real catalogs use (Huawei `SVC.0001`, Alibaba
 * `InvalidInstanceId.NotFound`, plain CamelCase words, templates with `{ParameterName}`), none of
 * which occur in the generated logs. It shows whether scanning cost grows with the number of codes.
 */
import { CatalogEntryData, CatalogFile } from '../../server/src/core/index';
import { Random } from './random';

const SERVICES = ['ECS', 'EVS', 'VPC', 'IAM', 'DCS', 'RDS', 'OBS', 'CCE', 'SWR', 'DMS', 'ELB', 'KMS', 'CTS', 'LTS', 'SMN', 'DDS', 'GES', 'CSS', 'DLI', 'MRS', 'FGS', 'CBR', 'WAF', 'DNS', 'NAT', 'EIP', 'SFS', 'BMS', 'AS', 'CES'];
const VERBS = ['Invalid', 'Incorrect', 'Missing', 'Unsupported', 'Duplicate', 'Exceeded', 'Forbidden', 'Denied', 'Expired', 'Locked', 'Pending', 'Conflicting', 'Malformed', 'Unavailable', 'Throttled'];
const NOUNS = ['Instance', 'Snapshot', 'VSwitch', 'SecurityGroup', 'Disk', 'Image', 'KeyPair', 'Bucket', 'Object', 'Policy', 'Role', 'Certificate', 'Domain', 'Listener', 'Volume', 'Topic', 'Queue', 'Cluster', 'Node', 'Namespace', 'Tag', 'Region', 'Zone', 'Account', 'Quota'];
const QUALIFIERS = ['Id', 'Name', 'Status', 'Type', 'Size', 'Spec', 'Owner', 'Version', 'Count', 'Period'];
const REASONS = ['NotFound', 'Malformed', 'Conflict', 'Unsupported', 'Exceeded', 'Denied', 'Expired', 'InUse', 'NotReady', 'Mismatch'];

/** Makes `count` unique codes deterministically and returns the catalog as JSON text. */
export function extraCatalogText(count: number, seed: number): string {
  const random = new Random(seed);
  const codes = new Set<string>();
  const entries: CatalogEntryData[] = [];
  let serial = 0;
  while (entries.length < count) {
    const shape = random.float();
    let code: string;
    let message: string;
    if (shape < 0.45) {
      code = `${random.pick(SERVICES)}.${String(random.int(0, 9999)).padStart(4, '0')}`;
      message = `The ${random.pick(NOUNS).toLowerCase()} ${random.pick(QUALIFIERS).toLowerCase()} is invalid.`;
    } else if (shape < 0.85) {
      const noun = random.pick(NOUNS);
      code = `${random.pick(VERBS)}${noun}${random.pick(QUALIFIERS)}.${random.pick(REASONS)}`;
      message = `The specified ${noun} does not meet the requirements.`;
    } else if (shape < 0.95) {
      // Templates: several distinct literal prefixes of several lengths, as a large catalog would have.
      const verb = random.pick(VERBS);
      const noun = random.pick(NOUNS);
      code = random.chance(0.5) ? `${verb}${noun}.{ParameterName}.${random.pick(REASONS)}` : `${verb}${noun}${random.pick(REASONS)}.{ResourceType}`;
      message = code.includes('{ParameterName}') ? `The parameter {ParameterName} of the ${noun} is not valid.` : `The resource {ResourceType} cannot be used now.`;
    } else {
      code = `${random.pick(VERBS)}${random.pick(NOUNS)}${serial++ % 7 === 0 ? '' : random.pick(REASONS)}`;
      message = `The operation was refused: ${code.toLowerCase()}.`;
    }
    if (codes.has(code)) {
      continue;
    }
    codes.add(code);
    const status = random.pick([400, 400, 403, 404, 409, 429, 500, 503]);
    entries.push({
      code,
      httpStatus: status,
      message: { en: message },
      description: { en: `Generated benchmark entry ${entries.length + 1}.` },
      solution: { en: 'Nothing to do; this entry only exists to make the catalog large.' },
    });
  }
  const catalog: CatalogFile = {
    version: 1,
    id: 'bench-extra-codes',
    provider: { en: 'Benchmark' },
    service: { en: `${count} generated codes` },
    languages: ['en'],
    sources: [{ language: 'en', url: 'https://example.com/error-codebook/bench' }],
    errorBody: { codeKeys: ['Code'], messageKeys: ['Message'] },
    entries,
  };
  return JSON.stringify(catalog, null, 1);
}
