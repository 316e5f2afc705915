/** What 'acme.notice' says when an order is issued or fails: a title and a body a person reads (the OS notification). */
import { dirname } from 'node:path';
import type { AcmeNoticeDto, AcmeProblemDto } from '../../api/dto';
import type { StoredOrder } from './store';

export function issuedNotice(order: StoredOrder): AcmeNoticeDto {
  const r = order.result!;
  const until = r.notAfter ? ` valid until ${r.notAfter.slice(0, 10)}` : '';
  const where = r.written.length ? ` The files are in ${dirname(r.written[0].path)}.` : order.problem ? ` The files were not written: ${order.problem.message}` : ' Save it from the order list.';
  return { orderId: order.id, ok: true, title: `Certificate issued for ${order.name}`, body: `${order.caName} issued it,${until}.${where}` };
}

export function failedNotice(order: StoredOrder, problem: AcmeProblemDto, byCa: boolean): AcmeNoticeDto {
  const title = byCa ? `${order.caName} refused ${order.name}` : `The order for ${order.name} stopped`;
  return { orderId: order.id, ok: false, title, body: `${problem.message} ${problem.hint}`.trim() };
}
