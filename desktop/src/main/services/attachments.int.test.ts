import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, setUpFamily, startTestDesktop, type TestDesktop } from '@hearth/test-kit/desktop';
import { startTestRelay, type TestRelay } from '@hearth/test-kit/relay';
import { fixture, GPS_LATITUDE, jpegWithGps } from './strip-metadata/test-pictures';

/**
 * A photo or video the page hands main (`addAttachment`) is stored, and later uploaded, without its
 * metadata, whatever the page did: main, not the page, is what a child's location has to get past.
 */
let relay: TestRelay;
let desk: TestDesktop;

beforeAll(async () => {
  relay = await startTestRelay();
  desk = await startTestDesktop(relay.url);
  const { childId } = await setUpFamily(desk.api, 'Maya');
  must(await desk.api.lock());
  must(await desk.api.selectProfile({ childId }));
});

afterAll(async () => {
  desk.close();
  await relay.dispose();
});

describe('adding a photo in main', () => {
  it('keeps no GPS, XMP, ICC or comments of a photo the page sent with them', async () => {
    const withGps = jpegWithGps();
    const info = must(
      await desk.api.addAttachment({ kind: 'photo', mime: 'image/jpeg', dataBase64: withGps.toString('base64') }),
    );
    expect(info.size).toBeLessThan(withGps.length);
    const stored = Buffer.from(must(await desk.api.readAttachment({ hash: info.hash })).dataBase64, 'base64');
    expect(stored.length).toBe(info.size);
    // (Only a fresh EXIF with the orientation may stay: the picture shows the right way up.)
    for (const trace of [GPS_LATITUDE, Buffer.from('GPSLatitude'), Buffer.from('SECRET')]) {
      expect(stored.includes(trace), trace.toString('latin1')).toBe(false);
    }
    // The picture itself is still there: the stripped file starts and ends as a JPEG.
    expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(stored.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it('refuses a photo that is not the picture type it claims', async () => {
    const png = fixture('tiny.png');
    expect(await desk.api.addAttachment({ kind: 'photo', mime: 'image/jpeg', dataBase64: png.toString('base64') })).toMatchObject(
      {
        ok: false,
        error: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      },
    );
  });
});
