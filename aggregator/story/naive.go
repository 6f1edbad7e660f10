package story

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"
	"time"
)

// A first, naive matcher: 5-rune shingles sampled 1 in 4, containment of the smaller set, and facts
// must not disagree. The detection work replaces it.

const shingleRunes = 5

func fingerprint(title, text string, date time.Time) Print {
	rs := []rune(title + "\n" + text)
	p := Print{Time: date, Runes: len([]rune(text))}
	for i := 0; i+shingleRunes <= len(rs); i++ {
		h := fnv.New32a()
		h.Write([]byte(string(rs[i : i+shingleRunes])))
		if v := h.Sum32(); v%4 == 0 {
			p.Shingles = append(p.Shingles, v)
		}
	}
	slices.Sort(p.Shingles)
	p.Shingles = slices.Compact(p.Shingles)
	return p
}

func score(a, b Print, o Options) float64 {
	d := a.Time.Sub(b.Time)
	if d < 0 {
		d = -d
	}
	if d > o.Window || len(a.Shingles) == 0 || len(b.Shingles) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a.Shingles) && j < len(b.Shingles); {
		switch {
		case a.Shingles[i] == b.Shingles[j]:
			common++
			i++
			j++
		case a.Shingles[i] < b.Shingles[j]:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(min(len(a.Shingles), len(b.Shingles)))
}

// AppendBinary appends p's encoding to b.
func (p Print) AppendBinary(b []byte) ([]byte, error) {
	b = binary.BigEndian.AppendUint64(b, uint64(p.Time.UnixNano()))
	b = binary.AppendUvarint(b, uint64(p.Runes))
	b = binary.AppendUvarint(b, uint64(len(p.Shingles)))
	for _, v := range p.Shingles {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	b = binary.AppendUvarint(b, uint64(len(p.Facts)))
	for _, v := range p.Facts {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return b, nil
}

// UnmarshalBinary decodes what AppendBinary wrote; any other input is an error wrapping ErrBadPrint.
func (p *Print) UnmarshalBinary(b []byte) error {
	if len(b) < 8 {
		return fmt.Errorf("%w: %d bytes", ErrBadPrint, len(b))
	}
	p.Time = time.Unix(0, int64(binary.BigEndian.Uint64(b))).UTC()
	b = b[8:]
	runes, n := binary.Uvarint(b)
	if n <= 0 || runes > 1<<30 {
		return fmt.Errorf("%w: length", ErrBadPrint)
	}
	p.Runes = int(runes)
	b = b[n:]
	var err error
	if p.Shingles, b, err = readHashes(b); err != nil {
		return err
	}
	if p.Facts, b, err = readHashes(b); err != nil {
		return err
	}
	if len(b) != 0 {
		return fmt.Errorf("%w: %d trailing bytes", ErrBadPrint, len(b))
	}
	return nil
}

func readHashes(b []byte) ([]uint32, []byte, error) {
	k, n := binary.Uvarint(b)
	if n <= 0 || k > uint64(len(b)-n)/4 {
		return nil, nil, fmt.Errorf("%w: hash count", ErrBadPrint)
	}
	b = b[n:]
	hs := make([]uint32, k)
	for i := range hs {
		hs[i] = binary.BigEndian.Uint32(b[4*i:])
	}
	return hs, b[4*k:], nil
}
