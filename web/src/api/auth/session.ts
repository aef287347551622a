import { http } from '../http';
import type { LoginForm, PasswordChange, SessionAnswer } from './types';

export function loginApi(form: LoginForm): Promise<SessionAnswer> {
  return http.post<SessionAnswer>('/session', form, { quiet401: true });
}

export function getSessionApi(): Promise<SessionAnswer> {
  return http.get<SessionAnswer>('/session', undefined, { quiet401: true });
}

export function logoutApi(): Promise<void> {
  return http.delete('/session', { quiet401: true });
}

export function changePasswordApi(change: PasswordChange): Promise<void> {
  return http.put<void>('/session/password', change);
}
