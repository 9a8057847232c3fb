// The metric groups of one CVSS version, each metric a row of segmented buttons: a radio group
// (arrow keys move and choose, Tab leaves the group) whose every button shows the
// specification's description of its value, and of the metric, on hover and on focus.
import * as RadioGroup from '@radix-ui/react-radio-group';
import * as Tooltip from '@radix-ui/react-tooltip';
import { useRef, useState, type ReactElement, type ReactNode } from 'react';
import { CVSS_DEFINITIONS, type CvssGroup, type CvssMetric, type CvssMetricValue, type CvssVersion } from '../../../shared/cvss-metrics.ts';
import { definedCount, type Selection } from './vector-model.ts';

interface GroupsProps {
  version: CvssVersion;
  selection: Selection;
  onChoose(metric: string, value: string): void;
  /** Changes when a whole vector is loaded (paste, reset): folded groups open again if set. */
  loadKey: number;
}

export function MetricGroups({ version, selection, onChoose, loadKey }: GroupsProps): ReactElement {
  const definition = CVSS_DEFINITIONS[version];
  return (
    <Tooltip.Provider delayDuration={350} skipDelayDuration={150}>
      <div className="cvss-groups">
        {definition.groups.map((group) => {
          const metrics = definition.metrics.filter((m) => m.group === group.id);
          const rows = metrics.map((metric) => (
            <MetricRow key={metric.key} version={version} metric={metric} value={selection[metric.key]} onChoose={onChoose} />
          ));
          if (group.id === 'base') {
            return (
              <section key={group.id} className="cvss-group" aria-labelledby={`cvss-group-${group.id}`}>
                <GroupHeading group={group} id={`cvss-group-${group.id}`} note="required" />
                {rows}
              </section>
            );
          }
          const defined = definedCount(version, group.id, selection);
          return (
            <FoldedGroup key={`${version}-${group.id}-${loadKey}`} initiallyOpen={defined > 0}>
              <GroupHeading group={group} id={`cvss-group-${group.id}`} note={defined > 0 ? `${defined} set` : 'optional'} />
              {rows}
            </FoldedGroup>
          );
        })}
      </div>
    </Tooltip.Provider>
  );
}

/** An optional group folds away; it starts open when a loaded vector sets any of its metrics. */
function FoldedGroup({ initiallyOpen, children: [heading, rows] }: { initiallyOpen: boolean; children: [ReactNode, ReactNode] }): ReactElement {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="cvss-group cvss-group--optional" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cvss-group__summary">{heading}</summary>
      {rows}
    </details>
  );
}

function GroupHeading({ group, id, note }: { group: CvssGroup; id: string; note: string }): ReactElement {
  return (
    <div className="cvss-group__heading">
      <h3 id={id} className="cvss-group__title">
        {group.name} metrics <span className="cvss-group__note">{note}</span>
      </h3>
      <p className="cvss-group__description">{group.description}</p>
    </div>
  );
}

interface RowProps {
  version: CvssVersion;
  metric: CvssMetric;
  value: string | undefined;
  onChoose(metric: string, value: string): void;
}

function MetricRow({ version, metric, value, onChoose }: RowProps): ReactElement {
  const labelId = `cvss-${version}-${metric.key}`;
  return (
    <div className="cvss-metric" data-unset={value === undefined || undefined}>
      <div className="cvss-metric__label" id={labelId}>
        {metric.name} <span className="cvss-metric__key">{metric.key}</span>
      </div>
      <RadioGroup.Root
        className="cvss-segments"
        value={value ?? ''}
        onValueChange={(next) => onChoose(metric.key, next)}
        orientation="horizontal"
        loop
        aria-labelledby={labelId}
        aria-required={metric.mandatory || undefined}
      >
        {metric.values.map((option) => (
          <ValueButton key={option.code} metric={metric} value={option} />
        ))}
      </RadioGroup.Root>
    </div>
  );
}

/**
 * One value of a metric, with its description in a tooltip on hover and on focus. The tooltip
 * is controlled for one reason: an arrow key chooses a value by clicking the button it has just
 * focused, in the same event, and that click would hide the description the focus just showed.
 */
function ValueButton({ metric, value }: { metric: CvssMetric; value: CvssMetricValue }): ReactElement {
  const [open, setOpen] = useState(false);
  const justOpened = useRef(false);
  function onOpenChange(next: boolean): void {
    if (next) {
      justOpened.current = true;
      queueMicrotask(() => {
        justOpened.current = false;
      });
    } else if (justOpened.current) {
      return;
    }
    setOpen(next);
  }
  return (
    <Tooltip.Root open={open} onOpenChange={onOpenChange}>
      <Tooltip.Trigger asChild>
        <RadioGroup.Item className="cvss-segment" value={value.code} data-code={value.code}>
          {value.name}
        </RadioGroup.Item>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="cvss-tooltip" side="top" sideOffset={6} collisionPadding={12} onEscapeKeyDown={() => setOpen(false)}>
          <strong className="cvss-tooltip__title">
            {metric.name}: {value.name} <span className="mono">({metric.key}:{value.code})</span>
          </strong>
          <span className="cvss-tooltip__value">{value.description}</span>
          <span className="cvss-tooltip__metric">{metric.description}</span>
          <Tooltip.Arrow className="cvss-tooltip__arrow" />
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
