// The application form as the user fills it in, and the request the core and
// the server take. The form keeps strings as typed; the core normalises them
// (full-width digits, spaces, a lower-case x) and says what is wrong.
import type { ApplicationRequest, EligibilityRequest } from '@powerdesk/core';
import type { SubmissionBody } from '../../offline/outbox';
import type { Json } from './pointer';

export interface ApplyForm {
  region: string;
  business: string;
  variant: string;
  /** The eligibility facts, nested as the request has them. */
  facts: { customer: Json; request: Json };
  applicantType: 'person' | 'organization';
  applicant: { name: string; resident_id: string; credit_code: string; legal_representative: string };
  withAgent: boolean;
  agent: { name: string; resident_id: string; phone: string };
  contact: { name: string; phone: string };
  address: { text: string; postal_code: string };
  account_number: string;
  documents: string[];
  one_certificate: boolean;
}

export function emptyForm(region = ''): ApplyForm {
  return {
    region,
    business: '',
    variant: '',
    facts: { customer: {}, request: {} },
    applicantType: 'person',
    applicant: { name: '', resident_id: '', credit_code: '', legal_representative: '' },
    withAgent: false,
    agent: { name: '', resident_id: '', phone: '' },
    contact: { name: '', phone: '' },
    address: { text: '', postal_code: '' },
    account_number: '',
    documents: [],
    one_certificate: false,
  };
}

function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function eligibilityRequest(f: ApplyForm, today: string): EligibilityRequest {
  const r: EligibilityRequest = { region: f.region, today, business: f.business as EligibilityRequest['business'] };
  if (Object.keys(f.facts.customer).length) r.customer = copy(f.facts.customer);
  if (Object.keys(f.facts.request).length) r.request = copy(f.facts.request);
  return r;
}

/** What `validate` takes. Empty optional parts are left out; required ones go as typed, so the core names them. */
export function applicationRequest(f: ApplyForm, today: string): ApplicationRequest {
  const r: ApplicationRequest = {
    ...eligibilityRequest(f, today),
    applicant:
      f.applicantType === 'person'
        ? { type: 'person', name: f.applicant.name, resident_id: f.applicant.resident_id }
        : {
            type: 'organization',
            name: f.applicant.name,
            credit_code: f.applicant.credit_code,
            ...(f.applicant.legal_representative ? { legal_representative: f.applicant.legal_representative } : {}),
          },
    contact: { ...f.contact },
    documents: [...f.documents],
  };
  if (f.withAgent) r.agent = { ...f.agent };
  if (f.address.text || f.address.postal_code) {
    r.address = { text: f.address.text, ...(f.address.postal_code ? { postal_code: f.address.postal_code } : {}) };
  }
  if (f.account_number) r.account_number = f.account_number;
  if (f.one_certificate) r.one_certificate = true;
  return r;
}

/** The body of POST /api/v1/applications: no `today` (the server sets its own). */
export function submissionBody(f: ApplyForm, today: string): SubmissionBody {
  const { today: _drop, ...application } = applicationRequest(f, today);
  void _drop;
  return f.variant ? { application, variant: f.variant } : { application };
}
