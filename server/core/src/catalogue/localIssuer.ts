/**
 * Local issuers: provincial and municipal people's governments and their departments
 * ("Guangdong Provincial Department of Industry and Information Technology", "Shenzhen Municipal
 * People's Government", 北京市人民政府, 广东省工业和信息化厅). Provincial-level names are checked
 * against data/provincial-divisions.yaml; a city is any capitalised place name before "Municipal"
 * (or a Han name ending in 市).
 */
import type { ProvincialDivision } from './types';

/** A recognised local issuer. */
export interface LocalIssuer {
  /** The provincial-level division, when the name is one of the 34. */
  division?: ProvincialDivision;
  /** The place as written: "Guangdong", "Shenzhen", 北京市. */
  place: string;
  /** `government` for a people's government (or its general office), else `department`. */
  kind: 'government' | 'department';
  level: 'provincial' | 'municipal';
}

const EN_UNIT = /^(.+?)\s+(Provincial|Municipal|Autonomous Regional|Autonomous Region|Special Administrative Region|SAR)\s+(.+)$/u;
const EN_GOVERNMENT = /^(People['’]s Government|Government)(\s+General Office)?$|^General Office of the .*People['’]s Government$/iu;
const EN_DEPARTMENT = /^(Department|Bureau|Commission|Office|Administration|Development and Reform Commission|Committee|Authority)\b/iu;
const ZH = /^(\p{Script=Han}{2,12}?)(省|市|自治区|特别行政区)(人民政府(?:办公厅)?|\p{Script=Han}*(?:厅|局|委员会|委|办公室|办))$/u;

/**
 * Recognises a local issuer in a name as written in a citation.
 * @param divisions the 34 provincial-level divisions
 * @returns undefined when the name is not a local government or department
 */
export function recogniseLocalIssuer(name: string, divisions: readonly ProvincialDivision[]): LocalIssuer | undefined {
  // Names are short; longer text is no name (and the patterns below stay linear).
  if (name.length > 200) return undefined;
  const text = name.trim().replace(/\s+/g, ' ');
  const en = EN_UNIT.exec(text);
  if (en) {
    const [, place, unit, rest] = en;
    if (!/^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}$/u.test(place)) return undefined;
    const kind = EN_GOVERNMENT.test(rest) ? 'government' : EN_DEPARTMENT.test(rest) ? 'department' : undefined;
    if (!kind) return undefined;
    const division = divisions.find((d) => d.name_en.toLowerCase() === place.toLowerCase());
    if (unit === 'Municipal') return { division, place, kind, level: division ? 'provincial' : 'municipal' };
    if (!division) return undefined; // "Atlantis Provincial …": provinces are a closed list
    return { division, place, kind, level: 'provincial' };
  }
  const zh = ZH.exec(text);
  if (zh) {
    const [, place, unit, rest] = zh;
    const full = place + unit;
    const division = divisions.find((d) => d.name_zh === full || (d.short_zh === place && d.name_zh.endsWith(unit)));
    if (unit !== '市' && !division) return undefined;
    return { division, place: full, kind: rest.startsWith('人民政府') ? 'government' : 'department', level: division ? 'provincial' : 'municipal' };
  }
  return undefined;
}

/** A sentence for hover: "A local issuer: the people's government of Guangdong (广东省, province)." */
export function describeLocalIssuer(local: LocalIssuer): string {
  const where = local.division ? `${local.division.name_en} (${local.division.name_zh}, ${local.division.kind.replace('-', ' ')})` : `${local.place} (a city)`;
  return `A local issuer: ${local.kind === 'government' ? 'the people’s government' : 'a department of the government'} of ${where}. Local issuers are recognised by their form, not listed in the issuing-body catalogue.`;
}
