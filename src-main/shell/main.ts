// Placeholder: the Electron shell entry (issue 4).
import { app } from 'electron'

app.whenReady().then(() => undefined)
