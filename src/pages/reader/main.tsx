import { render } from 'preact';

render(<p data-testid="reader-page">VNA Reader</p>, document.getElementById('app')!);
