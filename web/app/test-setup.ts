import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor poll until their condition holds; 1 s (the default) is too short for a render on a loaded machine.
configure({ asyncUtilTimeout: 10000 });

afterEach(() => cleanup());
