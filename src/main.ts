// Entry point. The real game comes later; for now, a placeholder page with a small simulator form.
import './ui/placeholder.css';
import { installTestHook, mountPlaceholder } from './ui/placeholder';

installTestHook();
const root = document.getElementById('app');
if (!root) throw new Error('It\'s the System: no #app element in the page');
mountPlaceholder(root);
