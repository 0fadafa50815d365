import ReactDOM from 'react-dom/client';
import { OptionsApp } from './App';
import './options.css';

ReactDOM.createRoot(document.getElementById('root')!).render(<OptionsApp />);
