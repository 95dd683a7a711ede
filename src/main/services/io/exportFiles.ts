/**
 * Building export files from the graph: HSDS JSON and CSV package (each object or row checked against the HSDS
 * schemas; a single error stops the export), directories (HTML, PDF, CSV), graph formats and coalition
 * spreadsheets (elements.csv and connections.csv, which `import --format elements-csv` reads back, or the same rows
 * as one XLSX workbook, read back by `import --format elements-xlsx`).
 */
import { AtlasError } from '../../../shared/api';
import type { ExportFormatName } from '../../../shared/api/methods/ioMethods';
import { isProvider, type NodeRecord, type Service } from '../../../shared/domain';
import type { GraphIndex } from '../../../shared/graph/graphIndex';
import type { Audience } from '../../../shared/hsds/audience';
import type { HsdsObject } from '../../../shared/hsds/hsdsModel';
import { HSDS_TABLES, hsdsToTables } from '../../../shared/hsds/hsdsTables';
import { actorToHsdsOrganization, serviceLinks, serviceToHsds } from '../../../shared/hsds/toHsds';
import { coalitionSheetRows } from '../../../shared/interchange/coalitionSpreadsheet';
import { directoryCsvRows } from '../../../shared/interchange/directoryCsv';
import { directoryHtml } from '../../../shared/interchange/directoryHtml';
import { buildDirectory, servicesInScope, type DirectoryScope } from '../../../shared/interchange/directoryModel';
import { toCytoscapeJson, toGexf, toGraphml } from '../../../shared/interchange/graphFormats';
import type { UiLocale } from '../../../shared/i18n';
import { coalitionWorkbook, XLSX_MIME_TYPE } from './coalitionWorkbook';
import { toCsv } from './csvTable';
import type { HsdsSchemas } from './hsdsSchemas';
import type { PdfRenderer } from '../pdf/pdfRenderer';

/** One file of an export, in memory. */
export interface ExportFile {
  name: string;
  mimeType: string;
  data: string | Uint8Array;
}

/** What an export needs beyond the graph. */
export interface ExportDeps {
  schemas: () => HsdsSchemas;
  pdf: PdfRenderer;
  today: Date;
}

/** A built export: its files, how many records it holds and how many objects or rows passed the HSDS schemas. */
export interface BuiltExport {
  files: ExportFile[];
  records: number;
  validated: number;
}

const isEmptyScope = (scope: DirectoryScope) => !scope.region && !scope.needs?.length && !scope.actorTypes?.length;

/** The services an HSDS or graph export covers: every service when the scope is empty, else the directory's. */
function exportServices(index: GraphIndex, scope: DirectoryScope): Service[] {
  const services = isEmptyScope(scope) ? [...index.nodesOfKind('service')] : servicesInScope(index, scope);
  return services.sort((a, b) => a.id.localeCompare(b.id));
}

function scopeText(scope: DirectoryScope): string {
  const parts = [
    scope.region ?? 'all regions',
    scope.needs?.length ? scope.needs.join(', ') : 'all needs',
    scope.actorTypes?.length ? scope.actorTypes.join(', ') : 'all kinds',
  ];
  return parts.join('; ');
}

function hsdsExport(
  index: GraphIndex,
  scope: DirectoryScope,
  audience: Audience,
  schemas: HsdsSchemas,
): { services: HsdsObject[]; organizations: HsdsObject[]; validated: number } {
  const services = exportServices(index, scope).map((service) =>
    serviceToHsds(service, serviceLinks(index, service.id), audience),
  );
  const problems: string[] = [];
  services.forEach((service, position) => {
    for (const issue of schemas.validateService(service))
      problems.push(`contents[${position}].${issue.path}: ${issue.message}`);
  });
  if (problems.length > 0)
    throw new AtlasError(
      'INTERNAL',
      `The HSDS export failed its own schema check, so nothing was written: ${problems.slice(0, 10).join('; ')}`,
    );
  const actors = isEmptyScope(scope)
    ? [...index.nodesOfKind('actor')]
    : [
        ...new Set(
          exportServices(index, scope).flatMap((service) =>
            index.inEdges(service.id, 'offers').map((edge) => edge.from),
          ),
        ),
      ]
        .map((id) => index.node(id))
        .filter((node): node is Extract<NodeRecord, { kind: 'actor' }> => node?.kind === 'actor');
  const organizations = actors
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((actor) => actorToHsdsOrganization(actor, audience));
  return { services, organizations, validated: services.length };
}

function graphPart(index: GraphIndex, scope: DirectoryScope) {
  if (isEmptyScope(scope)) return { nodes: [...index.allNodes()], edges: [...index.allEdges()] };
  const ids = new Set<string>();
  for (const service of exportServices(index, scope)) {
    ids.add(service.id);
    for (const edge of index.edgesOf(service.id)) {
      if (edge.type === 'offers' || edge.type === 'meets') ids.add(edge.type === 'offers' ? edge.from : edge.to);
    }
  }
  const nodes = [...ids].map((id) => index.node(id)).filter((node): node is NodeRecord => !!node);
  const edges = [...index.allEdges()].filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  return { nodes, edges };
}

/** Builds the files of an export. */
export async function buildExport(
  index: GraphIndex,
  request: { format: ExportFormatName; audience: Audience; scope: DirectoryScope; locale: UiLocale },
  deps: ExportDeps,
): Promise<BuiltExport> {
  const { format, audience, scope, locale } = request;
  const stamp = deps.today.toISOString().slice(0, 10);
  const base = `referral-directory-${audience}-${stamp}`;
  if (format === 'hsds-json') {
    const { services, validated } = hsdsExport(index, scope, audience, deps.schemas());
    const page = {
      total_items: services.length,
      total_pages: 1,
      page_number: 1,
      size: services.length,
      first_page: true,
      last_page: true,
      empty: services.length === 0,
      contents: services,
    };
    return {
      files: [
        {
          name: `hsds-services-${audience}-${stamp}.json`,
          mimeType: 'application/json',
          data: `${JSON.stringify(page, null, 2)}\n`,
        },
      ],
      records: services.length,
      validated,
    };
  }
  if (format === 'hsds-csv') {
    const schemas = deps.schemas();
    const { services, organizations } = hsdsExport(index, scope, audience, schemas);
    const tables = hsdsToTables(organizations, services);
    const files: ExportFile[] = [];
    const problems: string[] = [];
    let validated = services.length;
    const resources: unknown[] = [];
    for (const table of HSDS_TABLES) {
      const info = schemas.tables.get(table);
      if (!info) continue;
      const rows = tables[table] ?? [];
      rows.forEach((row, position) => {
        validated++;
        for (const issue of schemas.validateRow(table, row))
          problems.push(`${info.path} row ${position + 2}, ${issue.path}: ${issue.message}`);
      });
      const columns = info.fields.map((field) => field.name);
      files.push({
        name: info.path,
        mimeType: 'text/csv',
        data: toCsv([
          columns,
          ...rows.map((row) => columns.map((column) => (row[column] === undefined ? '' : String(row[column])))),
        ]),
      });
      resources.push((schemas.datapackage.resources as { name: string }[]).find((resource) => resource.name === table));
    }
    if (problems.length > 0)
      throw new AtlasError(
        'INTERNAL',
        `The HSDS CSV export failed its own schema check, so nothing was written: ${problems.slice(0, 10).join('; ')}`,
      );
    const descriptor = {
      ...schemas.datapackage,
      name: 'referral-atlas-hsds',
      title: `Referral Atlas HSDS export (${audience})`,
      resources,
    };
    files.push({
      name: 'datapackage.json',
      mimeType: 'application/json',
      data: `${JSON.stringify(descriptor, null, 2)}\n`,
    });
    return { files, records: services.length, validated };
  }
  if (format === 'elements-csv' || format === 'elements-xlsx') {
    // The same part of the graph as the graph formats: everything, or the scope's services, their providers and
    // needs. The sheets hold its actors and services; needs come back as connections.
    const providers = graphPart(index, scope).nodes.filter(isProvider);
    const sheets = coalitionSheetRows(index, providers, audience);
    const files: ExportFile[] =
      format === 'elements-csv'
        ? [
            { name: 'elements.csv', mimeType: 'text/csv', data: toCsv(sheets.elements) },
            { name: 'connections.csv', mimeType: 'text/csv', data: toCsv(sheets.connections) },
          ]
        : [
            {
              name: `coalition-network-${audience}-${stamp}.xlsx`,
              mimeType: XLSX_MIME_TYPE,
              data: await coalitionWorkbook(sheets),
            },
          ];
    return { files, records: providers.length, validated: 0 };
  }
  if (format === 'graphml' || format === 'gexf' || format === 'cyjs') {
    const graph = graphPart(index, scope);
    const data =
      format === 'graphml'
        ? toGraphml(graph)
        : format === 'gexf'
          ? toGexf(graph, stamp)
          : `${JSON.stringify(toCytoscapeJson(graph), null, 2)}\n`;
    const ext = format === 'cyjs' ? 'cyjs.json' : format;
    return {
      files: [
        {
          name: `referral-atlas-graph-${stamp}.${ext}`,
          mimeType: format === 'cyjs' ? 'application/json' : 'application/xml',
          data,
        },
      ],
      records: graph.nodes.length,
      validated: 0,
    };
  }
  const model = buildDirectory(index, scope, audience, deps.today);
  const services = model.entries.reduce((sum, entry) => sum + entry.services.length, 0);
  if (format === 'csv')
    return {
      files: [{ name: `${base}.csv`, mimeType: 'text/csv', data: toCsv(directoryCsvRows(model)) }],
      records: services,
      validated: 0,
    };
  const html = directoryHtml(model, locale, scopeText(scope));
  if (format === 'html')
    return { files: [{ name: `${base}.html`, mimeType: 'text/html', data: html }], records: services, validated: 0 };
  return {
    files: [{ name: `${base}.pdf`, mimeType: 'application/pdf', data: await deps.pdf.htmlToPdf(html) }],
    records: services,
    validated: 0,
  };
}
