import { expect, test } from 'vitest'
import type { ProfileView } from '../../../src-main/contract/views'
import { open, useTempDatabase } from './storage-test-helpers'

const temp = useTempDatabase()

const lab: ProfileView = {
  id: 'lab',
  name: 'Lab / test rig #2',
  agents: [{ label: 'probe', source: 'tcp://lab.example:7150', updateIntervalHint: 5, enabled: true }],
}

test('an exported profile imports into a fresh database unchanged', () => {
  const a = open(temp.file('a.db'))
  a.profiles.save(lab)
  const exported = a.profiles.exportJson('lab')
  a.close()
  expect(exported.fileName).toBe('lab-test-rig-2.netify-profile.json')
  expect(JSON.parse(exported.json)).toEqual(lab)

  const b = open(temp.file('b.db'))
  expect(b.profiles.importJson(exported.json)).toEqual([lab])
  expect(b.profiles.list()).toEqual([lab])
  b.close()
})

test('arrays and {profiles: [...]} import; a taken id gets a new one; an identical profile is not duplicated', () => {
  const s = open(temp.path)
  s.profiles.save(lab)
  const changed = { ...lab, name: 'Lab (other machine)' }
  const other = { id: 'cafe', name: 'Cafe', agents: [] }
  const imported = s.profiles.importJson(JSON.stringify({ profiles: [lab, changed, other] }))
  expect(imported.map((p) => p.id)).toEqual(['lab', 'lab-imported', 'cafe'])
  expect(s.profiles.list()).toEqual([lab, { ...changed, id: 'lab-imported' }, other])
  expect(s.profiles.importJson(JSON.stringify([other]))).toEqual([other])
  expect(s.profiles.list()).toHaveLength(3)
  s.close()
})

test('invalid imports name the problem and change nothing', () => {
  const s = open(temp.path)
  s.profiles.save(lab)
  const good = { id: 'ok', name: 'Fine', agents: [] }
  const badSource = { id: 'bad', name: 'Bad', agents: [{ label: 'a', source: 'ftp://nope', enabled: true }] }
  const cases: Array<[string, RegExp]> = [
    ['{"id": "x", "name": ', /not valid JSON/],
    [JSON.stringify({ profiles: [good, badSource] }), /profiles\[1\]\.agents\[0\]\.source: expected tcp:\/\/host:port or unix:\/path/],
    [JSON.stringify([good, { ...good, id: 'two', agents: [{ label: 'a', source: 'tcp://h:1', enabled: 'yes' }] }]), /\[1\]\.agents\[0\]\.enabled/],
    [JSON.stringify({ id: '', name: 'x', agents: [] }), /imported: id: Too small/],
    [JSON.stringify({ name: 'no id', agents: [] }), /imported: id: .*expected string, received undefined/],
    ['[]', /holds no profiles/],
    ['42', /\(top level\)/],
  ]
  for (const [text, message] of cases) {
    expect(() => s.profiles.importJson(text), text).toThrow(message)
  }
  expect(() => s.profiles.importJson(JSON.stringify({ profiles: [good, badSource] }))).toThrow(/nothing was imported/)
  expect(s.profiles.list()).toEqual([lab])
  s.close()
  const again = open(temp.path)
  expect(again.profiles.list()).toEqual([lab])
  again.close()
})

test('exporting an unknown profile is a clear error', () => {
  const s = open(temp.path)
  expect(() => s.profiles.exportJson('ghost')).toThrow(/No profile with id "ghost"/)
  s.close()
})
