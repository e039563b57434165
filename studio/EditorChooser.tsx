// Local mode with several editors: before the Studio shows anything, it asks once which editor
// you are and remembers the answer in this browser; the reload makes every client send that
// editor's token, so the lake records your name on what you change.
import {Button, Card, Flex, Heading, Stack, Text} from '@sanity/ui'
import {useState, type ComponentType} from 'react'
import type {LayoutProps} from 'sanity'
import {needsEditorChoice, rememberEditor, type LocalTarget} from './localMode.ts'

export function editorChooserLayout(
  target: Pick<LocalTarget, 'editors' | 'editor'>,
): ComponentType<LayoutProps> {
  return function EditorChooserLayout(props: LayoutProps) {
    const [asking] = useState(() => needsEditorChoice(target))
    if (!asking) return props.renderDefault(props)
    return (
      <Card height="fill" padding={5} tone="transparent" data-testid="editor-chooser">
        <Flex align="center" justify="center" height="fill">
          <Card padding={5} radius={3} shadow={1} style={{maxWidth: 420}}>
            <Stack gap={4}>
              <Heading as="h1" size={2}>
                Which editor are you?
              </Heading>
              <Text muted size={1}>
                Your name goes on every change you make here, in the document history. This browser
                remembers the answer.
              </Text>
              {(target.editors ?? []).map(({name}) => (
                <Button
                  key={name}
                  mode="ghost"
                  text={name}
                  onClick={() => {
                    rememberEditor(name)
                    window.location.reload()
                  }}
                />
              ))}
            </Stack>
          </Card>
        </Flex>
      </Card>
    )
  }
}
