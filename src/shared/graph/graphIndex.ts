/**
 * The graph held in memory: records by id and edges by their ends. Planner, search, insights and the network view
 * read it; the store keeps it in step with every write, so no reader queries SQL on a hot path.
 */
import type { EdgeRecord, EdgeType, NodeKind, NodeRecord } from '../domain';
import { edgeId } from '../domain';

/** An edge as held in the index: the record plus its stable id. */
export interface IndexedEdge extends EdgeRecord {
  id: string;
}

/** The knowledge graph in memory, with adjacency in both directions. */
export class GraphIndex {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly edges = new Map<string, IndexedEdge>();
  private readonly outgoing = new Map<string, Set<string>>();
  private readonly incoming = new Map<string, Set<string>>();
  private version = 0;
  private readonly kindCounts = new Map<NodeKind, number>();

  /** A number that grows with every change: caches compare it to know they are current. */
  get revision(): number {
    return this.version;
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  get edgeCount(): number {
    return this.edges.size;
  }

  node(id: string): NodeRecord | undefined {
    return this.nodes.get(id);
  }

  edge(id: string): IndexedEdge | undefined {
    return this.edges.get(id);
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  allNodes(): IterableIterator<NodeRecord> {
    return this.nodes.values();
  }

  allEdges(): IterableIterator<IndexedEdge> {
    return this.edges.values();
  }

  /** Every record of one kind. */
  *nodesOfKind<K extends NodeKind>(kind: K): Generator<Extract<NodeRecord, { kind: K }>> {
    for (const node of this.nodes.values()) if (node.kind === kind) yield node as Extract<NodeRecord, { kind: K }>;
  }

  /** Edges leaving a node, optionally of one type. */
  outEdges(id: string, type?: EdgeType): IndexedEdge[] {
    return this.collect(this.outgoing.get(id), type);
  }

  /** Edges arriving at a node, optionally of one type. */
  inEdges(id: string, type?: EdgeType): IndexedEdge[] {
    return this.collect(this.incoming.get(id), type);
  }

  /** Every edge touching a node, in either direction. */
  edgesOf(id: string, type?: EdgeType): IndexedEdge[] {
    return [...this.outEdges(id, type), ...this.inEdges(id, type)];
  }

  /** The nodes at the other end of a node's edges of a type; symmetric types are read in both directions. */
  neighbours(id: string, type: EdgeType, direction: 'out' | 'in' | 'both' = 'out'): string[] {
    const ids: string[] = [];
    if (direction !== 'in') for (const edge of this.outEdges(id, type)) ids.push(edge.to);
    if (direction !== 'out') for (const edge of this.inEdges(id, type)) ids.push(edge.from);
    return ids;
  }

  /** How many records of a kind the graph holds (kept as records come and go). */
  countOfKind(kind: NodeKind): number {
    return this.kindCounts.get(kind) ?? 0;
  }

  putNode(record: NodeRecord): void {
    const previous = this.nodes.get(record.id);
    if (previous) this.kindCounts.set(previous.kind, (this.kindCounts.get(previous.kind) ?? 1) - 1);
    this.kindCounts.set(record.kind, (this.kindCounts.get(record.kind) ?? 0) + 1);
    this.nodes.set(record.id, record);
    this.version++;
  }

  /** Removes a node; its edges must be removed first (the store does so in the same transaction). */
  removeNode(id: string): void {
    const previous = this.nodes.get(id);
    if (previous) this.kindCounts.set(previous.kind, (this.kindCounts.get(previous.kind) ?? 1) - 1);
    this.nodes.delete(id);
    this.outgoing.delete(id);
    this.incoming.delete(id);
    this.version++;
  }

  putEdge(edge: EdgeRecord): IndexedEdge {
    const indexed: IndexedEdge = { ...edge, id: edgeId(edge) };
    this.putIndexedEdge(indexed);
    return indexed;
  }

  /** Adds an edge that carries its id already (the store computed it); `edge.id` must be `edgeId(edge)`. */
  putIndexedEdge(indexed: IndexedEdge): void {
    this.edges.set(indexed.id, indexed);
    link(this.outgoing, indexed.from, indexed.id);
    link(this.incoming, indexed.to, indexed.id);
    this.version++;
  }

  removeEdge(id: string): void {
    const edge = this.edges.get(id);
    if (!edge) return;
    this.edges.delete(id);
    this.outgoing.get(edge.from)?.delete(id);
    this.incoming.get(edge.to)?.delete(id);
    this.version++;
  }

  private collect(ids: Set<string> | undefined, type?: EdgeType): IndexedEdge[] {
    if (!ids) return [];
    const result: IndexedEdge[] = [];
    for (const id of ids) {
      const edge = this.edges.get(id);
      if (edge && (!type || edge.type === type)) result.push(edge);
    }
    return result;
  }
}

function link(map: Map<string, Set<string>>, key: string, edge: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(edge);
}
