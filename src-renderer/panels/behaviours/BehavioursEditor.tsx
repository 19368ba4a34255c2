// Behaviours: a node's rules per mod system. Listen for an event → call interfaces; answer an RPC
// method (respond / never / late); on the master, handle an HTTP route. Forms offer only the
// interfaces the node's kind may call. Each saved rule is one undoable edit, validated first.
import { useState } from 'react';
import type { NodeSpec, Rule } from '../../../core/model/schema';
import { validateProject } from '../../../core/model/validate';
import { editProject } from '../../edit/project-edits';
import { updateNode } from '../../edit/topology';
import { useDocumentStore } from '../../stores/document-store';
import { useUiStore } from '../../stores/ui-store';
import { RuleForm } from './RuleForm';
import { newRule, ruleKindsFor, summary, type RuleKind } from './rule-forms';

export function BehavioursEditor() {
  const project = useDocumentStore((s) => s.doc?.project);
  const selected = useUiStore((s) => s.selected);
  const node = project?.nodes.find((n) => n.id === selected);
  const [editing, setEditing] = useState<{ sys: number; rule: number | null; draft: Rule } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!project || !node) return <p className="sb-muted">Select a node to see and edit its rules.</p>;

  const save = async (sys: number, index: number | null, rule: Rule | null) => {
    const next = withRule(node, sys, index, rule);
    const nodeIndex = project.nodes.indexOf(node);
    const r = validateProject(updateNode(project, node.id, next));
    if (!r.ok) {
      const prefix = `$.nodes[${nodeIndex}].systems[${sys}]`;
      const mine = r.errors.find((e) => e.path.startsWith(prefix)) ?? r.errors[0];
      return setError(`${mine.path.replace(prefix, '') || 'rule'}: ${mine.message}`);
    }
    setError(null);
    if (await editProject((p) => updateNode(p, node.id, next))) setEditing(null);
  };

  return (
    <div className="sb-behaviours" data-testid="behaviours">
      <div className="sb-form__id">
        <span className={`sb-dot sb-dot--${node.kind}`} /> <b>{node.name ?? node.id}</b> <span className="sb-muted">{node.kind}</span>
      </div>
      {node.systems.length === 0 ? <p className="sb-muted">No mod systems: add one in Inspect.</p> : null}
      {node.systems.map((s, si) => (
        <section key={si} className="sb-behaviours__system">
          <h4>
            {s.namespace}/{s.systemName}
          </h4>
          <ul>
            {s.rules.map((r, ri) => (
              <li key={ri} data-testid="rule-row">
                <button type="button" className="sb-link" onClick={() => setEditing({ sys: si, rule: ri, draft: structuredClone(r) })}>
                  {summary(r)}
                </button>
                <button type="button" aria-label="Delete rule" onClick={() => void save(si, ri, null)}>×</button>
              </li>
            ))}
          </ul>
          <div className="sb-behaviours__add">
            {ruleKindsFor(node.kind).map((k: RuleKind) => (
              <button key={k} type="button" data-testid={`add-rule-${k}`} onClick={() => setEditing({ sys: si, rule: null, draft: newRule(k, node.kind, node.moduleNames ?? []) })}>
                + {k === 'event' ? 'event rule' : k === 'rpc' ? 'RPC method' : 'HTTP route'}
              </button>
            ))}
          </div>
          {editing && editing.sys === si ? (
            <RuleForm
              project={project}
              node={node}
              rule={editing.draft}
              error={error}
              onChange={(draft) => setEditing({ ...editing, draft })}
              onCancel={() => {
                setEditing(null);
                setError(null);
              }}
              onSave={() => void save(si, editing.rule, editing.draft)}
              onError={setError}
            />
          ) : null}
        </section>
      ))}
    </div>
  );
}

function withRule(node: NodeSpec, sys: number, index: number | null, rule: Rule | null): NodeSpec {
  return {
    ...node,
    systems: node.systems.map((s, i) => {
      if (i !== sys) return s;
      const rules = [...s.rules];
      if (index === null) {
        if (rule) rules.push(rule);
      } else if (rule) rules[index] = rule;
      else rules.splice(index, 1);
      return { ...s, rules };
    }),
  };
}

