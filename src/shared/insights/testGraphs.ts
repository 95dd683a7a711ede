/** Small knowledge graphs with known answers, for the insights tests: records built with every default filled in. */
import {
  actorSchema,
  needSchema,
  recommendationSchema,
  serviceSchema,
  statuteSchema,
  type ActorType,
  type EdgeType,
  type NeedCode,
} from '../domain';
import { GraphIndex } from '../graph/graphIndex';

const SOURCE = 'insights test';

/** Builds a GraphIndex record by record. */
export class TestGraph {
  /** The graph being built. */
  readonly index = new GraphIndex();

  /** An active actor serving `regions`, speaking `languages`. */
  actor(
    slug: string,
    options: {
      type?: ActorType;
      regions?: string[];
      languages?: string[];
      verifiedAt?: string | null;
      status?: 'active' | 'historical';
    } = {},
  ): string {
    const id = `actor:${slug}`;
    this.index.putNode(
      actorSchema.parse({
        id,
        kind: 'actor',
        actorType: options.type ?? 'ngo',
        name: slug,
        source: SOURCE,
        regions: options.regions ?? ['US-CA'],
        languages: options.languages ?? ['en'],
        verifiedAt: options.verifiedAt === undefined ? '2026-11-01' : options.verifiedAt,
        status: options.status ?? 'active',
      }),
    );
    return id;
  }

  /** A service of `owner` meeting `needs`; regions and languages inherit from the owner when left out. */
  service(
    owner: string,
    slug: string,
    needs: NeedCode[],
    options: { regions?: string[]; languages?: string[] } = {},
  ): string {
    const id = `service:${slug}`;
    this.index.putNode(
      serviceSchema.parse({
        id,
        kind: 'service',
        name: slug,
        source: SOURCE,
        regions: options.regions ?? [],
        languages: options.languages ?? [],
        verifiedAt: '2026-11-01',
      }),
    );
    this.edge('offers', owner, id);
    for (const need of needs) {
      if (!this.index.hasNode(`need:${need}`)) {
        this.index.putNode(
          needSchema.parse({ id: `need:${need}`, kind: 'need', code: need, name: need, nameEs: need, source: SOURCE }),
        );
      }
      this.edge('meets', id, `need:${need}`);
    }
    return id;
  }

  /** A statute. */
  statute(slug: string): string {
    const id = `statute:${slug}`;
    this.index.putNode(statuteSchema.parse({ id, kind: 'statute', statuteType: 'act', name: slug, source: SOURCE }));
    return id;
  }

  /** A numbered recommendation. */
  recommendation(number: number): string {
    const id = `recommendation:r${number}`;
    this.index.putNode(
      recommendationSchema.parse({
        id,
        kind: 'recommendation',
        number,
        title: `Recommendation ${number}`,
        name: `R${number}`,
        source: SOURCE,
      }),
    );
    return id;
  }

  /** A relation. */
  edge(type: EdgeType, from: string, to: string): void {
    this.index.putEdge({ type, from, to, source: SOURCE, note: '' });
  }

  /** Partnerships along a chain of actors: a–b, b–c, ... */
  chain(...ids: string[]): void {
    for (let i = 1; i < ids.length; i++) this.edge('partners_with', ids[i - 1]!, ids[i]!);
  }
}
