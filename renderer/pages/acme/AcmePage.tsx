/**
 * Issue certificate: an ACME order from any CA (Let's Encrypt staging preselected) in six steps, from "which
 * CA" to the files, followed live while main runs it in the background; and the list of every order, which
 * survives a restart because main keeps the orders.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { AcmeOrderDto } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useWorkbench } from '../inspect/useWorkbench';
import { CaStep } from './CaStep';
import { ChallengeStep } from './ChallengeStep';
import { caBlocker, caNameOf, challengeBlocker, currentDirectory, directoryKey, directoryUrlOf, keyBlocker, namesBlocker, requestOf } from './form';
import { KeyStep } from './KeyStep';
import { NamesStep } from './NamesStep';
import { openCsrs } from './openCsrs';
import { OrderDialogs, type Question } from './OrderDialogs';
import { OrderProgress } from './OrderProgress';
import { OrderResult } from './OrderResult';
import { unfinished, type OrderAction } from './orders';
import { OrdersTable } from './OrdersTable';
import { FORM_STEPS, indexOf, nextFormStep, previousFormStep, STEPS, stepOfOrder, titleOf, type StepId } from './steps';
import { useAcmeCa } from './useAcmeCa';
import { useAcmeOrders } from './useAcmeOrders';
import { useAcmeWizard } from './useAcmeWizard';
import { useOrderOpen } from './useOrderOpen';
import { namesWords, STATE_LABEL } from './words';

type TabId = 'issue' | 'orders';

export function AcmePage() {
  const wb = useWorkbench();
  const ca = useAcmeCa();
  const orders = useAcmeOrders();
  const wizard = useAcmeWizard();
  const opener = useOrderOpen(wb);
  const [tab, setTab] = useState<TabId>('issue');
  const [question, setQuestion] = useState<Question | null>(null);
  const now = new Date();

  const { form, change } = wizard;
  // An order to follow (a notice's Show, Open in the list) is shown on the order tab.
  useEffect(() => {
    if (wizard.orderId) setTab('issue');
  }, [wizard.orderId]);
  const csrs = useMemo(() => openCsrs(wb.state.documents), [wb.state.documents]);
  const csrIds = useMemo(() => new Set(csrs.map((c) => c.objectId)), [csrs]);
  const directoryUrl = directoryUrlOf(form, ca.cas);
  const directory = currentDirectory(form, ca.cas, ca.read);
  const readError = ca.readError && directoryUrl && ca.readError.key === directoryKey(directoryUrl, form.caFile) ? ca.readError.error : null;

  const blockers: Record<StepId, string | null> = {
    ca: caBlocker(form, ca.cas, directory),
    names: namesBlocker(form.names),
    key: keyBlocker(form, csrIds),
    challenge: challengeBlocker(form),
    progress: null,
    result: null,
  };
  const firstBlocked = FORM_STEPS.find((s) => blockers[s] !== null) ?? null;
  const canVisit = (s: StepId) => firstBlocked === null || indexOf(s) <= indexOf(firstBlocked);

  const order = orders.find(wizard.orderId);
  const step: StepId = order ? stepOfOrder(order) : wizard.step;
  const running = order ? (orders.running.get(order.id) ?? null) : null;
  const orderError = order && orders.error?.orderId === order.id ? orders.error : null;
  const issueError = !order && orders.error?.orderId === null ? orders.error : null;
  const issuing = orders.running.has('');

  const follow = (o: AcmeOrderDto | null) => {
    if (!o) return;
    wizard.follow(o.id);
    setTab('issue');
  };
  const issue = async () => follow(await orders.issue(requestOf(form, ca.cas)));
  const onAction = async (o: AcmeOrderDto, action: OrderAction) => {
    if (action === 'open') return follow(o);
    if (action === 'resume') return follow(await orders.act('acme.resume', { orderId: o.id }));
    if (action === 'renew') return follow(await orders.act('acme.renew', { orderId: o.id }));
    setQuestion({ kind: action, order: o });
  };
  const answer = async (run: () => Promise<unknown>) => {
    await run();
    setQuestion(null);
  };

  const waitingCount = orders.orders.filter((o) => o.state === 'waiting').length;
  const status = order
    ? `${namesWords(order.domains)}: ${STATE_LABEL[order.state]}`
    : orders.orders.length === 0
      ? 'A certificate from Let’s Encrypt or any ACME CA, followed until it is issued'
      : `${orders.orders.length} ${orders.orders.length === 1 ? 'order' : 'orders'}${unfinished(orders.orders).length ? `, ${unfinished(orders.orders).length} unfinished` : ''}${waitingCount ? `, ${waitingCount} waiting for you` : ''}`;

  // Each new step (Next, an order placed, its result) takes the focus to its heading, where a keyboard or
  // screen reader user reads on; the button they pressed may be gone.
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
  }, [step]);

  const next = nextFormStep(step);
  const back = previousFormStep(step);
  const blocker = order ? null : blockers[step];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader title="Issue certificate" statusTestId="acme-status" status={status}>
        {order && (
          <Button
            onClick={() => {
              wizard.restart();
              setTab('issue');
            }}
          >
            New order
          </Button>
        )}
      </PageHeader>
      <Tabs value={tab} onChange={(_, t: TabId) => setTab(t)} sx={{ px: 3, borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="issue" label={order ? 'This order' : 'New order'} data-testid="acme-tab-issue" />
        <Tab value="orders" label={`Orders (${orders.orders.length})`} data-testid="acme-tab-orders" />
      </Tabs>
      {tab === 'orders' ? (
        <Box component="section" aria-label="Orders" sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 3, py: 2, display: 'grid', gap: 2, alignContent: 'start' }}>
          {orders.loadError && <ErrorAlert error={orders.loadError} title="The orders could not be read" testId="acme-orders-error" />}
          {orders.error && <ErrorAlert error={orders.error.error} title={`Could not ${orders.error.action} the order`} onClose={orders.clearError} testId="acme-action-error" />}
          <OrdersTable orders={orders.orders} now={now} running={orders.running} onAction={(o, a) => void onAction(o, a)} />
        </Box>
      ) : (
        <>
          <Stepper activeStep={indexOf(step)} nonLinear sx={{ px: 3, pt: 2, pb: 1 }} aria-label="Steps">
            {STEPS.map((s) => {
              const formStep = FORM_STEPS.includes(s.id);
              return (
                <Step key={s.id} completed={order ? formStep || (s.id === 'progress' && step === 'result') : indexOf(s.id) < indexOf(step)}>
                  <StepButton disabled={!formStep || order !== null || !canVisit(s.id) || issuing} onClick={() => wizard.goTo(s.id)} data-step={s.id}>
                    {s.title}
                  </StepButton>
                </Step>
              );
            })}
          </Stepper>
          <Box component="section" aria-label={titleOf(step)} sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 3, py: 2 }}>
            <Typography variant="h5" component="h2" ref={heading} tabIndex={-1} sx={{ fontWeight: 700, mb: 2, outline: 'none' }}>
              {titleOf(step)}
            </Typography>
            {wizard.orderId && !order && orders.loaded && <Typography color="text.secondary">This order is no longer in the list.</Typography>}
            {!order && step === 'ca' && (
              <CaStep
                form={form}
                onForm={change}
                cas={ca.cas}
                casError={ca.casError}
                directoryUrl={directoryUrl}
                directory={directory}
                reading={ca.reading}
                readError={readError}
                onConnect={() => directoryUrl && void ca.connect(directoryUrl, form.caFile)}
              />
            )}
            {!order && step === 'names' && <NamesStep names={form.names} onNames={(names) => change({ names })} />}
            {!order && step === 'key' && <KeyStep keyChoice={form.key} onKey={(key) => change({ key })} csrs={csrs} />}
            {!order && step === 'challenge' && <ChallengeStep form={form} onForm={change} caName={caNameOf(form, ca.cas, directoryUrl)} />}
            {issueError && <ErrorAlert error={issueError.error} title="The order could not start" sx={{ mt: 2 }} testId="acme-issue-error" />}
            {order && step === 'progress' && (
              <OrderProgress
                order={order}
                now={now}
                running={running}
                error={orderError}
                onCheck={() => void orders.act('acme.check', { orderId: order.id })}
                onContinue={() => void orders.act('acme.continue', { orderId: order.id })}
                onResume={() => void orders.act('acme.resume', { orderId: order.id })}
                onCancel={() => setQuestion({ kind: 'cancel', order })}
              />
            )}
            {order && step === 'result' && (
              <OrderResult order={order} now={now} running={running} error={orderError} opener={opener} onRetry={() => void onAction(order, 'renew')} onNew={wizard.restart} />
            )}
          </Box>
          {!order && (
            <Box component="footer" data-testid="acme-footer" sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 3, py: 1.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
              <Button onClick={() => back && wizard.goTo(back)} disabled={!back || issuing}>
                Back
              </Button>
              <Typography variant="body2" color="text.secondary" sx={{ flex: 1, textAlign: 'right' }} data-testid="acme-blocker">
                {blocker ?? ''}
              </Typography>
              {step === 'challenge' ? (
                <Button variant="contained" onClick={() => void issue()} disabled={firstBlocked !== null || issuing}>
                  {issuing ? 'Ordering…' : 'Order the certificate'}
                </Button>
              ) : (
                next && (
                  <Button variant="contained" onClick={() => wizard.goTo(next)} disabled={blocker !== null}>
                    Next: {titleOf(next)}
                  </Button>
                )
              )}
            </Box>
          )}
        </>
      )}
      {question && (
        <OrderDialogs
          question={question}
          busy={orders.running.has(question.order.id)}
          onRevoke={(o, reason) => void answer(() => orders.act('acme.revoke', { orderId: o.id, reason }))}
          onCancel={(o) => void answer(() => orders.act('acme.cancel', { orderId: o.id }))}
          onRemove={(o) =>
            void answer(async () => {
              if ((await orders.remove([o.id])) && wizard.orderId === o.id) wizard.follow(null);
            })
          }
          onClose={() => setQuestion(null)}
        />
      )}
    </Box>
  );
}
