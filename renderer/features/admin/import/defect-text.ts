/**
 * One defect of the report as the admin reads it: the import module's sentence, with our field named in the
 * admin's language and a phone's reason said by the phone module (not its code). Pure: tested beside.
 */
type T = (key: string, options?: Record<string, unknown>) => string;

export interface DefectLike {
  code: string;
  params: Record<string, string | number>;
}

export function defectText(d: DefectLike, t: T, exists: (key: string) => boolean): string {
  const params: Record<string, unknown> = { ...d.params };
  if (typeof params.field === 'string' && exists(`admin.fields.${params.field}`)) params.field = t(`admin.fields.${params.field}`);
  if (d.code === 'bad_phone' && typeof params.reason === 'string' && exists(`phones.error.${params.reason}`)) {
    return t(`phones.error.${params.reason}`, { raw: params.value, defaultCountry: params.country });
  }
  return t(`import.defect.${d.code}`, params);
}
