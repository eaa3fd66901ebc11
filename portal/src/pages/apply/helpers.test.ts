import { describe, expect, it } from 'vitest';
import { getAt, setAt } from './pointer';
import { factsToAsk, factOf } from './facts';
import { FORM_FIELDS, fieldOf, placeIssues, stripApplication } from './fieldIssues';
import { applicationRequest, emptyForm, submissionBody } from './model';
import golden from '../../../../tests/golden/validate/business-new-lv-residential.request.json';

const issue = (path: string) => ({ code: 'PD_PHONE_INVALID' as const, path, severity: 'error' as const, message: { zh: '', en: '' } });

describe('pointer', () => {
  it('sets, reads and prunes nested facts', () => {
    const o: Record<string, unknown> = {};
    setAt(o, '/request/pv/owner', 'natural_person');
    expect(getAt(o, '/request/pv/owner')).toBe('natural_person');
    setAt(o, '/request/pv/owner', '');
    expect(o).toEqual({});
  });
});

describe('facts', () => {
  it('asks what the core needs, in form order, plus what is entered', () => {
    expect(factsToAsk(['/request/capacity_kva', '/customer/class', '/request/period/to'], (p) => (p === '/request/voltage_kv' ? '0.22' : undefined)))
      .toEqual(['/customer/class', '/request/capacity_kva', '/request/voltage_kv', '/request/period']);
    expect(factOf('/customer/suspensions/0/from')).toBe('/customer/suspensions');
  });
});

describe('issue placement', () => {
  it('maps server and core paths to fields, the rest to the list', () => {
    expect(stripApplication('/application/contact/phone')).toBe('/contact/phone');
    expect(fieldOf('/contact', FORM_FIELDS)).toBe('/contact/name');
    expect(fieldOf('/documents/1', FORM_FIELDS)).toBe('/documents');
    const { byField, unplaced } = placeIssues([issue('/application/contact/phone'), issue('/request/phases')], FORM_FIELDS);
    expect(Object.keys(byField)).toEqual(['/contact/phone']);
    expect(unplaced.map((i) => i.path)).toEqual(['/request/phases']);
  });
});

describe('model', () => {
  it('builds the golden residential application from the form', () => {
    const f = emptyForm('zhejiang');
    f.business = 'new_lv_residential';
    f.facts = { customer: { class: 'residential' }, request: { capacity_kva: 8, phases: 1, voltage_kv: 0.22 } };
    f.applicant = { name: '张三', resident_id: '11010519491231002X', credit_code: '', legal_representative: '' };
    f.contact = { name: '李四', phone: '13812345678' };
    f.address = { text: '浙江省杭州市西湖区文三路90号1栋2单元301室', postal_code: '310012' };
    f.documents = ['resident_id_card', 'property_proof'];
    expect(applicationRequest(f, '2025-06-02')).toEqual(golden);
    const body = submissionBody(f, '2025-06-02');
    expect('today' in body.application).toBe(false);
    expect(body.variant).toBeUndefined();
  });
});
