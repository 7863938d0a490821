import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import i18n from '../i18n';

interface State {
  error: Error | null;
}

/** Keeps the shell alive when one page throws while rendering. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18n.t('common.exception.crash.title')}
        subTitle={i18n.t('common.exception.crash.desc')}
        extra={<Button onClick={() => window.location.reload()}>{i18n.t('common.action.refresh')}</Button>}
      />
    );
  }
}
