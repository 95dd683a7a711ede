/**
 * The toolbar above the canvas: how many records are drawn, fit / zoom / re-layout, export of the view as PNG or
 * SVG, the table view and a new record. It acts on the canvas through the controller the view holds.
 */
import { errorText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { saveBlob } from '../../files/download';
import { startTask } from '../../shell/taskProgress';
import type { GraphController } from './graphController';

interface GraphToolbarProps {
  controller(): GraphController | null;
  counts: { shown: number; total: number; truncated: boolean } | null;
  layoutBusy: boolean;
  onRelayout(): void;
  showTable: boolean;
  onToggleTable(): void;
  onNewRecord(): void;
  /** Says why an export failed (shown over the canvas, like a failed layout). */
  onError(message: string): void;
}

async function exportImage(controller: GraphController, format: 'png' | 'svg', running: string): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'png') {
    // Drawn in slices on a large graph: the status bar shows how far, and can cancel it.
    let cancelled = false;
    const task = startTask(running, () => (cancelled = true));
    try {
      const image = await controller.exportPng(
        (share) => task.progress(share),
        () => cancelled,
      );
      if (image) saveBlob(`referral-atlas-network-${stamp}.png`, image);
    } finally {
      task.done();
    }
  } else
    saveBlob(
      `referral-atlas-network-${stamp}.svg`,
      new Blob([await controller.exportSvg()], { type: 'image/svg+xml' }),
    );
}

export function GraphToolbar(props: GraphToolbarProps) {
  const { t } = useI18n();
  const { controller, counts } = props;
  const exportAs = (format: 'png' | 'svg') => {
    const current = controller();
    if (!current) return;
    exportImage(current, format, t('network.export.running')).catch((error: unknown) =>
      props.onError(t('network.export.failed', { message: errorText(error, t) })),
    );
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('network.toolbar.label')}>
      <span className="toolbar__count" data-testid="network-count">
        {counts &&
          t(counts.truncated ? 'network.count.truncated' : 'network.count', {
            shown: counts.shown,
            total: counts.total,
          })}
      </span>
      <div className="toolbar__group">
        <button type="button" className="button" onClick={() => controller()?.fitTo()}>
          {t('network.toolbar.fit')}
        </button>
        <button
          type="button"
          className="button button--icon"
          aria-label={t('network.toolbar.zoomIn')}
          title={t('network.toolbar.zoomIn')}
          onClick={() => controller()?.zoomBy(1.25)}
        >
          +
        </button>
        <button
          type="button"
          className="button button--icon"
          aria-label={t('network.toolbar.zoomOut')}
          title={t('network.toolbar.zoomOut')}
          onClick={() => controller()?.zoomBy(0.8)}
        >
          −
        </button>
        <button type="button" className="button" disabled={props.layoutBusy} onClick={props.onRelayout}>
          {t('network.toolbar.relayout')}
        </button>
      </div>
      <div className="toolbar__group" role="group" aria-label={t('network.toolbar.export')}>
        <span className="toolbar__label" aria-hidden="true">
          {t('network.toolbar.export')}
        </span>
        <button
          type="button"
          className="button"
          aria-label={t('network.toolbar.pngLabel')}
          onClick={() => exportAs('png')}
        >
          PNG
        </button>
        <button
          type="button"
          className="button"
          aria-label={t('network.toolbar.svgLabel')}
          onClick={() => exportAs('svg')}
        >
          SVG
        </button>
      </div>
      <div className="toolbar__group">
        <button type="button" className="button" aria-pressed={props.showTable} onClick={props.onToggleTable}>
          {props.showTable ? t('network.toolbar.graph') : t('network.toolbar.table')}
        </button>
        <button type="button" className="button button--primary" onClick={props.onNewRecord}>
          {t('network.toolbar.new')}
        </button>
      </div>
    </div>
  );
}
