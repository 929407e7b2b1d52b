// integration and browser tests start servers and browsers: give them time (no timed assertions here)
jest.setTimeout(120_000);
