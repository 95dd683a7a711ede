/** The legend: what each shape, colour and line means, drawn from the same tables as the graph's stylesheet. */
import type { NetworkNode } from '../../../../shared/api/methods/networkMethods';
import { type EdgeType, type NodeKind } from '../../../../shared/domain';
import type { MessageKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n';
import type { GraphOverlay } from '../../state/appStore';
import { useStoredFlag } from '../../state/storedFlag';
import { ACTOR_COLOURS, EDGE_LOOKS, KIND_COLOURS, KIND_SHAPES } from './graphStyle';

const SHAPE_PATHS: Record<(typeof KIND_SHAPES)[NodeKind], string> = {
  ellipse: 'M7 1a6 6 0 1 0 0.01 0Z',
  'round-rectangle': 'M2 3h10a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Z',
  diamond: 'M7 1l6 6-6 6-6-6Z',
  hexagon: 'M4 1.5h6l3 5.5-3 5.5H4L1 7Z',
  'round-triangle': 'M7 1.5l6 11H1Z',
};

function Swatch({ kind, colour }: { kind: NodeKind; colour: string }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <path d={SHAPE_PATHS[KIND_SHAPES[kind]]} fill={colour} />
    </svg>
  );
}

const LEGEND_OPEN_KEY = 'atlas.legendOpen';

/**
 * The legend for the records and relation types drawn now (only what is on the canvas is explained), in the sidebar
 * beside the canvas: laid over the canvas, it hid records, and keeping a fitted graph clear of it shrank a large
 * graph to about two thirds. It stays open or closed as the user left it.
 */
export function Legend({
  nodes,
  edgeTypes,
  overlay,
}: {
  nodes: readonly NetworkNode[];
  edgeTypes: readonly EdgeType[];
  overlay: GraphOverlay | null;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useStoredFlag(LEGEND_OPEN_KEY, true);
  const kinds = new Set(nodes.map((node) => node.kind));
  const actorTypes = [
    ...new Set(nodes.filter((node) => node.kind === 'actor').map((node) => node.subtype ?? 'other')),
  ].sort();
  return (
    <details
      className="sidebar__section legend"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="legend"
    >
      <summary className="sidebar__heading">{t('network.legend.title')}</summary>
      <ul className="legend__list">
        {actorTypes.map((type) => (
          <li key={`a-${type}`}>
            <Swatch kind="actor" colour={ACTOR_COLOURS[type as keyof typeof ACTOR_COLOURS] ?? KIND_COLOURS.actor} />
            {t(`network.actorType.${type}` as MessageKey)}
          </li>
        ))}
        {(['service', 'statute', 'recommendation', 'need'] as const)
          .filter((kind) => kinds.has(kind))
          .map((kind) => (
            <li key={kind}>
              <Swatch kind={kind} colour={KIND_COLOURS[kind]} />
              {t(`network.kind.${kind}` as MessageKey)}
            </li>
          ))}
        <li>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <circle cx="7" cy="7" r="5" fill="#ffffff" stroke="#7a4d00" strokeWidth="2" strokeDasharray="2 2" />
          </svg>
          {t('network.legend.stale')}
        </li>
      </ul>
      <ul className="legend__list legend__list--edges">
        {edgeTypes.map((type) => {
          const look = EDGE_LOOKS[type];
          return (
            <li key={type}>
              <svg width="26" height="10" viewBox="0 0 26 10" aria-hidden="true" focusable="false">
                <line
                  x1="1"
                  y1="5"
                  x2={look.arrow ? 19 : 25}
                  y2="5"
                  stroke={look.colour}
                  strokeWidth="2"
                  strokeDasharray={look.line === 'dashed' ? '5 3' : look.line === 'dotted' ? '1.5 2.5' : undefined}
                />
                {look.arrow && <path d="M19 1l6 4-6 4Z" fill={look.colour} />}
              </svg>
              {t(`network.edge.${type}` as MessageKey)}
            </li>
          );
        })}
      </ul>
      {overlay?.legend && overlay.legend.length > 0 && (
        <>
          <h3 className="legend__title">{overlay.label}</h3>
          <ul className="legend__list">
            {overlay.legend.map((entry) => (
              <li key={entry.label}>
                <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                  <circle cx="7" cy="7" r="6" fill={entry.color} />
                </svg>
                {entry.label}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
