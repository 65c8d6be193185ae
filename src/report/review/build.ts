/**
 * The design-review report, top to bottom. Each entry turns the documents into one section or
 * nothing; a section for new JSON (a sweep, a plan, failover paths) is one more entry here.
 */
import type { Topology } from '../diagram/topology.js';
import { domainsSection, risksSection, tiersSection } from './sections/availability.js';
import { scenariosSection, storageSection } from './sections/data-protection.js';
import { realisedSection, simulationSection } from './sections/simulation.js';
import { summarySection, targetsSection, topologySection } from './sections/summary.js';
import type { ReportDocuments, ReportView, Section, SectionBuilder } from '../review-view.js';

export const SECTIONS: readonly SectionBuilder[] = [
  summarySection,
  topologySection,
  targetsSection,
  tiersSection,
  domainsSection,
  risksSection,
  scenariosSection,
  storageSection,
  simulationSection,
  realisedSection,
];

/**
 * The report's view of a model's documents.
 * @example buildReportView({ analyze, check }, topologyOf(model))
 */
export function buildReportView(documents: ReportDocuments, topology: Topology): ReportView {
  const input = { documents, topology };
  const sections = SECTIONS.map((build) => build(input)).filter((s): s is Section => s !== undefined);
  return { title: documents.analyze.model.name, subtitle: documents.analyze.model.description, sections, documents };
}
