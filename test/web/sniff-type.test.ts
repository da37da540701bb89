import { sniffKind } from '../../storage/file-policy/sniff-type';
import { acceptedContentType } from '../../storage/file-policy/upload-policy';
import { SAMPLES, zipOf } from './file-samples';

describe('sniffKind and the upload policy', () => {
  it('tells file kinds by their bytes', () => {
    expect(sniffKind(SAMPLES.pdf)).toBe('pdf');
    expect(sniffKind(SAMPLES.png)).toBe('png');
    expect(sniffKind(SAMPLES.jpeg)).toBe('jpeg');
    expect(sniffKind(SAMPLES.ole)).toBe('ole');
    expect(sniffKind(SAMPLES.docx)).toBe('docx');
    expect(sniffKind(SAMPLES.xlsx)).toBe('xlsx');
    expect(sniffKind(zipOf(['a.txt']))).toBe('zip');
    expect(sniffKind(Buffer.from('GIF89a'))).toBe('gif');
    expect(sniffKind(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffKind(SAMPLES.exe)).toBeUndefined();
    expect(sniffKind(Buffer.alloc(0))).toBeUndefined();
  });

  it('finds DOCX entries in the tail (central directory) when large entries come first', () => {
    const head = zipOf(['[Content_Types].xml', 'media/big.png']);
    expect(sniffKind(head, Buffer.from('PK\x01\x02....word/document.xml', 'latin1'))).toBe('docx');
  });

  it('accepts a file only when its bytes are what its name says', () => {
    expect(acceptedContentType('bao-cao.pdf', 'pdf')).toBe('application/pdf');
    expect(acceptedContentType('BAO-CAO.PDF', 'pdf')).toBe('application/pdf');
    expect(acceptedContentType('bao-cao.pdf', 'png')).toBeUndefined();
    expect(acceptedContentType('bao-cao.pdf', undefined)).toBeUndefined();
    expect(acceptedContentType('so-lieu.xls', 'ole')).toBe('application/vnd.ms-excel');
    expect(acceptedContentType('van-ban.doc', 'ole')).toBe('application/msword');
    expect(acceptedContentType('van-ban.docx', 'xlsx')).toBeUndefined();
    expect(acceptedContentType('anh.jpg', 'jpeg')).toBe('image/jpeg');
    expect(acceptedContentType('setup.exe', undefined)).toBeUndefined();
    expect(acceptedContentType('archive.zip', 'zip')).toBeUndefined();
  });
});
