import { apiUrl, http } from '../http';
import type { Page } from '../types';
import type { Vendor, VendorInput, VendorQuery, VendorSummary } from './types';

export function getVendorPageApi(query: VendorQuery): Promise<Page<VendorSummary>> {
  return http.get<Page<VendorSummary>>('/vendors', { ...query });
}

/** Address of the Excel export with the same filters as the list; paging is left out. */
export function vendorExportUrl(query: VendorQuery): string {
  const { page: _page, page_size: _pageSize, ...filters } = query;
  return apiUrl('/vendors/export.xlsx', { ...filters });
}

export function getVendorApi(id: number): Promise<Vendor> {
  return http.get<Vendor>(`/vendors/${id}`);
}

export function createVendorApi(vendor: VendorInput): Promise<Vendor> {
  return http.post<Vendor>('/vendors', vendor);
}

export function updateVendorApi(id: number, vendor: VendorInput): Promise<Vendor> {
  return http.put<Vendor>(`/vendors/${id}`, { ...vendor, id });
}
