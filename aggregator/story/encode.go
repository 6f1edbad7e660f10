package story

import (
	"encoding/binary"
	"fmt"
	"time"
)

// printVersion is the first byte of an encoded print. A store that finds another version
// recomputes or drops the print; it never guesses. Version 2 is version 1 followed by the words
// (English content words, words.go; Han bigrams, hanwords.go): a print without words is still
// written as version 1, byte for byte, and a version 2 print's version 1 part is what version 1
// wrote, so that every print stored before words existed compares with a new one as it did.
//
// Version 3 is version 2 followed by the names and the characters' filter (names.go), written for a
// print that has either: a print stored before them decodes as it was, without.
const (
	printVersion      = 1
	printVersionWords = 2
	printVersionNames = 3
)

// maxEncoded bounds an encoded print: a record longer than any print this version can write is
// corrupt.
const maxEncoded = 1 + 10 + 5 + 5 + 3 + (maxBody+maxTitle)*5 + 3 + (2*maxNumbers+maxDates)*5 + 3 + (maxPrintWords+1)*5 +
	3 + maxNames*5 + 1 + charsWords*4

// Encoding (version 1): the version byte; the time as zig-zag varint seconds since 1970 and a
// varint of nanoseconds; Runes as a varint; then three sorted lists — body values, title values
// (minus titleBase), facts — each as a count and the varint deltas between consecutive values.
// Sorted small values make the deltas short: a print of a long article takes about 200 bytes.
// Version 2 appends a fourth list, the content words (minus wordBase); version 3 a fifth, the
// names (from 0), then the filter's length (0 or charsWords) and its words, four bytes each, little
// endian (they are random bits: varints would be longer).

// AppendBinary appends p's encoding to b.
func (p Print) AppendBinary(b []byte) ([]byte, error) {
	body, title := split(p.Shingles)
	words := p.Shingles[len(body)+len(title):] // and the subject
	if len(body) > maxBody || len(title) > maxTitle || len(p.Facts) > 2*maxNumbers+maxDates || len(words) > maxPrintWords+1 ||
		len(p.Names) > maxNames || len(p.Chars) != 0 && len(p.Chars) != charsWords {
		return b, fmt.Errorf("%w: too many values", ErrBadPrint)
	}
	named := len(p.Names) > 0 || len(p.Chars) > 0
	if named && len(words) == 0 {
		return b, fmt.Errorf("%w: names without words", ErrBadPrint)
	}
	switch {
	case named:
		b = append(b, printVersionNames)
	case len(words) > 0:
		b = append(b, printVersionWords)
	default:
		b = append(b, printVersion)
	}
	b = binary.AppendVarint(b, p.Time.Unix())
	b = binary.AppendUvarint(b, uint64(p.Time.Nanosecond()))
	b = binary.AppendUvarint(b, uint64(max(p.Runes, 0)))
	b = appendList(b, body, 0)
	b = appendList(b, title, titleBase)
	b = appendList(b, p.Facts, 0)
	if len(words) > 0 {
		b = appendList(b, words, wordBase)
	}
	if named {
		b = appendList(b, p.Names, 0)
		b = binary.AppendUvarint(b, uint64(len(p.Chars)))
		for _, c := range p.Chars {
			b = binary.LittleEndian.AppendUint32(b, c)
		}
	}
	return b, nil
}

func appendList(b []byte, vs []uint32, base uint32) []byte {
	b = binary.AppendUvarint(b, uint64(len(vs)))
	prev := base
	for _, v := range vs {
		b = binary.AppendUvarint(b, uint64(v-prev))
		prev = v
	}
	return b
}

// UnmarshalBinary decodes what AppendBinary wrote; any other input is an error wrapping ErrBadPrint.
// It allocates no more than the input's length and never panics.
func (p *Print) UnmarshalBinary(b []byte) error {
	if len(b) == 0 || len(b) > maxEncoded {
		return fmt.Errorf("%w: %d bytes", ErrBadPrint, len(b))
	}
	if b[0] != printVersion && b[0] != printVersionWords && b[0] != printVersionNames {
		return fmt.Errorf("%w: version %d", ErrBadPrint, b[0])
	}
	r := reader{b: b[1:]}
	zz := r.uvarint(1<<64 - 1) // binary.AppendVarint's zig-zag form
	sec := int64(zz>>1) ^ -int64(zz&1)
	nsec := r.uvarint(999_999_999)
	runes := r.uvarint(1 << 30)
	nb := r.count(maxBody)
	var q Print
	q.Shingles = make([]uint32, 0, min(nb+maxTitle+maxPrintWords, len(r.b)+nb))
	q.Shingles = r.list(q.Shingles, nb, 0, 0, bodySpace)
	nt := r.count(maxTitle)
	q.Shingles = r.list(q.Shingles, nt, titleBase, titleBase, titleBase+titleSpace)
	nf := r.count(2*maxNumbers + maxDates)
	if nf > 0 && r.err == nil {
		q.Facts = r.list(make([]uint32, 0, nf), nf, 0, 0, factDateBase+12<<5+32)
	}
	if b[0] >= printVersionWords {
		// AppendBinary writes version 2 or 3 only for a print with words.
		nw := r.count(maxPrintWords + 1)
		if r.err == nil && nw == 0 {
			r.err = fmt.Errorf("%d words", nw)
		}
		q.Shingles = r.list(q.Shingles, nw, wordBase, wordBase, subjectBase+wordSpace)
	}
	if b[0] == printVersionNames {
		nn := r.count(maxNames)
		if nn > 0 && r.err == nil {
			q.Names = r.list(make([]uint32, 0, nn), nn, 0, wordBase, 1<<32-1)
		}
		for _, n := range q.Names {
			if r.err == nil && !validName(n) {
				r.err = fmt.Errorf("name %#x", n)
			}
		}
		nc := r.count(charsWords)
		switch {
		case r.err != nil:
		case nc != 0 && nc != charsWords:
			r.err = fmt.Errorf("%d filter words", nc)
		case nc > 0 && len(r.b) < 4*nc:
			r.err = fmt.Errorf("filter of %d bytes", len(r.b))
		case nc > 0:
			q.Chars = make([]uint32, nc)
			for i := range q.Chars {
				q.Chars[i] = binary.LittleEndian.Uint32(r.b[4*i:])
			}
			r.b = r.b[4*nc:]
		}
		if r.err == nil && len(q.Names) == 0 && len(q.Chars) == 0 {
			r.err = fmt.Errorf("version %d without names", printVersionNames)
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = fmt.Errorf("%d trailing bytes", len(r.b))
	}
	if r.err != nil {
		return fmt.Errorf("%w: %w", ErrBadPrint, r.err)
	}
	if sec < -1<<40 || sec > 1<<40 {
		return fmt.Errorf("%w: time %d", ErrBadPrint, sec)
	}
	q.Time = time.Unix(sec, int64(nsec)).UTC()
	q.Runes = int(runes)
	*p = q
	return nil
}

// reader reads varints and remembers the first error, so that decoding reads straight through.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint(limit uint64) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = fmt.Errorf("bad varint")
		return 0
	}
	if v > limit {
		r.err = fmt.Errorf("value %d over %d", v, limit)
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a list length: at most limit, and at most one value per remaining byte.
func (r *reader) count(limit int) int {
	n := int(r.uvarint(uint64(limit)))
	if r.err == nil && n > len(r.b) {
		r.err = fmt.Errorf("count %d over %d bytes left", n, len(r.b))
		return 0
	}
	return n
}

// list reads n strictly increasing values in [lo, hi) as deltas from base.
func (r *reader) list(dst []uint32, n int, base, lo, hi uint32) []uint32 {
	prev := uint64(base)
	for i := 0; i < n && r.err == nil; i++ {
		d := r.uvarint(uint64(hi))
		if i > 0 && d == 0 {
			r.err = fmt.Errorf("values not increasing")
			break
		}
		v := prev + d
		if v < uint64(lo) || v >= uint64(hi) {
			r.err = fmt.Errorf("value %d outside [%d, %d)", v, lo, hi)
			break
		}
		dst = append(dst, uint32(v))
		prev = v
	}
	return dst
}
