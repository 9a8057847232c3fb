// Renders the app into #root. Both entries (desktop and browser mode) end here.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import '../styles/tokens.css';
import '../styles/base.css';
import '../styles/layout.css';
import '../styles/components.css';

export function mountApp(): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root element');
  createRoot(element).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
