import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { WorkerBurnEngine } from './engine/workerEngine';
import './styles.css';

const engine = new WorkerBurnEngine();
createRoot(document.getElementById('root')!).render(<StrictMode><App engine={engine} /></StrictMode>);
